from django.urls import path

from waypost.stock.views import catalogue, ledger, shipments

app_name = "stock"
urlpatterns = [
    path("", ledger.warehouses, name="warehouses"),
    path("warehouses/<slug:warehouse_code>/", ledger.warehouse, name="warehouse"),
    path("warehouses/<slug:warehouse_code>/ledger/", ledger.ledger, name="ledger"),
    path("move/", ledger.move, name="move"),
    path("shipments/", shipments.shipments, name="shipments"),
    path("shipments/new/", shipments.pledge, name="pledge"),
    path("shipments/<uuid:shipment_id>/", shipments.shipment, name="shipment"),
    path("shipments/<uuid:shipment_id>/status/", shipments.change_status, name="status"),
    path("shipments/<uuid:shipment_id>/receive/", shipments.receive, name="receive"),
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/items/new/", catalogue.new_item, name="new_item"),
    path("catalogue/items/<slug:item_code>/", catalogue.edit_item, name="item"),
    path("catalogue/kits/new/", catalogue.new_kit, name="new_kit"),
    path("catalogue/kits/<slug:kit_code>/", catalogue.edit_kit, name="kit"),
    path("catalogue/standards/<slug:key>/", catalogue.edit_standard, name="standard"),
]
