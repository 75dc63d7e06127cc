"""The stock pages: warehouses and the ledger, the partner pipeline, the catalogue.

Each view parses its input with a form, is guarded by one permission, calls one service or
selector and renders a page (or, for htmx, the part of it that changes). Refusals come back as
the same page with the messages, status 422.
"""
