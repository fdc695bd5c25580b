"""Synchronization of the local database with the school's server (SYNC.md)."""
