"""Names from Cameroon, written in Latin letters only (no second script to record)."""

from waypost.demo.names import name

MALE = (
    name("", "Jean"),
    name("", "Emmanuel"),
    name("", "Paul"),
    name("", "Samuel"),
    name("", "Hervé", "Herve"),
    name("", "Christian"),
    name("", "Blaise"),
    name("", "Serge"),
    name("", "Cyrille", "Cyril"),
    name("", "Ibrahim", "Ibrahima"),
)

FEMALE = (
    name("", "Marie"),
    name("", "Grace"),
    name("", "Sandrine"),
    name("", "Esther"),
    name("", "Brenda"),
    name("", "Aïssatou", "Aissatou"),
    name("", "Carine", "Karine"),
    name("", "Mireille"),
    name("", "Nadège", "Nadege"),
)

FAMILY = (
    name("", "Mbarga"),
    name("", "Nkoulou"),
    name("", "Fotso"),
    name("", "Kamga"),
    name("", "Ngono"),
    name("", "Etoundi"),
    name("", "Tchinda"),
    name("", "Atangana"),
    name("", "Essomba"),
    name("", "Bello"),
)
