"""Waypost: registration, aid and protection for people on the move stranded at a border."""
