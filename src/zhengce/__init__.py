"""zhengce: China's policy documents as data you can search, compare and track."""

__version__ = "0.1.0"
