"""Hostile fixture: allocates 4 GB at import; the address-space limit must stop it."""
BLOCK = bytearray(4 * 1024 * 1024 * 1024)
