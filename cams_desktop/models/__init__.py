"""Qt item models over the rows services return; no SQL, no permissions."""
