from caseconf.pii.masking import mask


def test_examples():
    assert mask("805101/1234", "birth_number") == "80****/**34"
    assert mask("Nováková", "name") == "N******á"
    assert mask("+382 67 123 456", "phone") == "+382 ** *** *56"
    assert mask("jana@example.cz", "email") == "j***@e******.cz"


def test_short_values_fully_hidden():
    for value, kind in [("a@b.cz", "email"), ("Eva", "name"), ("12", "address")]:
        assert mask(value, kind) != value
