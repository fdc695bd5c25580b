"""Reports: definitions of the group reports and the exporters they share."""
