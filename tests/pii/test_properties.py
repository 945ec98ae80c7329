from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseconf.pii import scan_text
from caseconf.pii.normalize import normalize_value

ALPHABET = st.sampled_from(list("0123456789 /-.+:@\n\r\t\u00a0\u202f\u200b") + list("aáčJjNnovákMarkoPetrvićđ") +
                           list("Петровић") + ["603 123 456", "+382 67 ", "nar. ", "paní ", "ulice ", "@example.cz"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(ALPHABET, max_size=60).map("".join)))
def test_arbitrary_text_never_raises_and_never_leaks(text):
    for lang in ("cs", "en"):
        for f in scan_text(text, "x.md", lang=lang):
            assert f.line >= 1
            assert f.line <= text.count("\n") + 1
            assert f.severity in ("error", "warning", "info")
            assert f.code.startswith("PII")
            lines = text.split("\n")
            # the value (in any form) never appears in the message
            excerpt = f.extra.get("excerpt", "")
            assert "*" in excerpt or not excerpt


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Jana Nováková", "603 123 456", "jana.novakova@example.cz", "Petrović", "Ulica slobode 5"]),
       st.sampled_from(["cs", "sr-Latn", "en"]), st.text(alphabet="abc .,\n", max_size=20))
def test_planted_value_never_in_message(value, lang, noise):
    text = f"{noise} Mluvili jsme: {value}. {noise}"
    for f in scan_text(text, "x.md", lang=lang):
        assert value not in f.message
        assert normalize_value(value) not in f.message.casefold()


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_every_hit_is_masked_in_its_message(text):
    from caseconf.pii.core import detect
    from caseconf.pii.masking import mask
    from caseconf.pii.messages import detected
    from caseconf.pii.normalize import normalize_lines

    norm = "\n".join(normalize_lines(text))
    for hit in detect(norm, frozenset(), "cs"):
        message = detected(hit.kind, mask(hit.value, hit.kind), "cs")
        assert len(hit.value) < 2 or hit.value not in message
