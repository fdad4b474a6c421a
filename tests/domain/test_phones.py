import pytest

from app.domain.errors import DomainError
from app.domain.phones import InvalidPhone, normalize_phone

MOBILE = "+79131234567"
CITY = "+73847523456"  # 8-38475-2-34-56, a Mezhdurechensk landline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 (913) 123-45-67", MOBILE),
        ("+7 913 1234567", MOBILE),
        ("+7(913)123-45-67", MOBILE),
        ("9131234567", MOBILE),
        ("89131234567", MOBILE),
        ("7 913 123 45 67", MOBILE),  # 11 digits from 7, plus sign forgotten
        ("8.913.123.45.67", MOBILE),
        ("  8 913 123 45 67\t", MOBILE),
        ("2-34-56", CITY),
        ("23456", CITY),
        ("8 (38475) 2-34-56", CITY),  # the same line dialled from out of town
        ("+7 38475 23456", CITY),
        ("8 800 200-01-12", "+78002000112"),
    ],
)
def test_usual_spellings_become_one(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("phone", [MOBILE, CITY])
def test_normalizing_twice_changes_nothing(phone):
    assert normalize_phone(normalize_phone(phone)) == phone


def test_too_few_digits_says_how_many():
    with pytest.raises(InvalidPhone) as caught:
        normalize_phone("123")
    assert caught.value.message == (
        "The phone number '123' has 3 digits; a Russian number has 10 after +7, "
        "or 5 for a local city number."
    )


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("234567", "has 6 digits"),  # six-digit local numbers do not exist in the city
        ("2345", "has 4 digits"),
        ("8 913 123 45 67 8", "has 12 digits"),
        ("5 913 123 45 67", "starts with 5"),
        ("9 913 123 45 67", "starts with 9"),  # one digit too many, not a prefix
        ("+1 212 555 0100", "is not a Russian one"),
        ("+7 913 123 45 6", "is not a Russian one"),  # only 9 digits after +7
        ("+8 913 123 45 67", "is not a Russian one"),
        ("8 913 ABC 45 67", "contains characters"),
        ("8 913 123 45 67 доб. 12", "contains characters"),
        ("8+913 123 45 67", "contains characters"),  # a plus only at the start
        ("٨٩١٣١٢٣٤٥٦٧", "contains characters"),  # Arabic-Indic digits are not dialable here
    ],
)
def test_invalid_numbers_are_refused_in_words(raw, words):
    with pytest.raises(InvalidPhone) as caught:
        normalize_phone(raw)
    err = caught.value
    assert words in err.message
    assert err.message[0].isupper() and err.message.endswith(".")
    assert err.code == "invalid_phone"
    assert isinstance(err, DomainError)
    assert err.params == {"raw": raw}
