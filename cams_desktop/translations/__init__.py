"""Compiled translations (.qm), built from the .ts sources in translations/."""
