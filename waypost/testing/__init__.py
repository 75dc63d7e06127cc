"""Support for Waypost's own tests: where the browser tests find their browser."""
