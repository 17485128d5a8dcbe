"""Support Journal: an encrypted record of every contact with customer support."""

__version__ = "0.1.0"
