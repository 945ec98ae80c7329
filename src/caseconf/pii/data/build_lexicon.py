"""Build the compact name lexicon (``names.txt``) shipped with caseconf.pii.

Run from the repository root::

    .venv/bin/python src/caseconf/pii/data/build_lexicon.py

Sources: Faker's person providers for cs_CZ, sk_SK, hr_HR, sl_SI and mk_MK
(Macedonian Cyrillic is transliterated to Latin), plus hand-kept lists below of
Serbian/Montenegrin/Bosnian first names and surnames (Faker has no sr_Latn_RS
person provider) and of common diminutives.  The output is one entry per line:
``<tag>\t<lower-case base form>`` where tag is ``F`` (first name, incl.
diminutives) or ``S`` (surname).  Town names are *not* names: they go to
``places.txt`` (CZ/SK/HR/SI cities from Faker plus Montenegrin municipalities).
"""

from __future__ import annotations

import importlib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

PERSON_LOCALES = ["cs_CZ", "sk_SK", "hr_HR", "sl_SI", "mk_MK"]
ADDRESS_LOCALES = ["cs_CZ", "sk_SK", "hr_HR", "sl_SI"]

_MK = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "gj", "е": "e", "ж": "ž",
    "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m",
    "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "kj",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}

# Serbian / Montenegrin / Bosnian first names (Latin script), common forms.
SR_ME_FIRST = """
aleksa aleksandar aleksandra ana anđela anja andrija balša biljana blagoje bojan bojana
boris borislav boško branka branko budimir danica danijela danilo darko dejan dijana
dragan dragana draško dušan dušanka dušica đorđe đurđa đuro emina esad filip goran gordana
ivan ivana jasmina jelena jovan jovana jovo kristina lazar luka maja marija marina marko
milan milena milica milo milorad miloš miodrag mirjana mirko mladen momir nada nataša
nebojša nemanja nenad nikola nikolina novak olivera petar predrag radomir radovan radoš
ranko ratko sanja sara senad slavica slobodan snežana sonja srđan stefan stevan svetlana
tamara tijana vasilije veljko vesna vladimir vojislav vuk zoran zorana željko žarko
adnan amina amra almir edin elma emir haris jasmin kenan lejla mirza nermin selma
tea teodora una vanja vida vido vukašin zorica ljiljana ljubica ljubomir ognjen dalibor
"""

SR_ME_LAST = """
petrović jovanović nikolić marković đukanović vujović vuković radović popović bulatović
kovačević đurović ivanović lazarević milić mijušković nikčević perović raičević radulović
šćepanović vujošević vučinić zeković knežević babović bojović dragović janković kalezić
lakić medojević mitrović pavićević stanković tomović vujačić živković đurišić krivokapić
lalević ljumović mugoša obradović pejović rakočević savić simonović todorović vukčević
šaranović bošković dedović hodžić kadić muratović šabović ramović rastoder adžić
"""

DIMINUTIVES = """
honza honzík jeník pepa pepík jirka jiříček kuba kubík tonda toník vašek venca
franta fanda mira míra mirka mirek mirečka tomášek tomík péťa petřík petruška
pavlík pája páťa radek radka láďa láďa ludva olda ondra ondřej ondrášek štěpa
míša michalka verča věrka věruška anička anča andulka maruška marta
evička evka hanka hanička janička janča jituš jitka katka kačka kája lenka lenička
lucka lucinka madla magda markéta markétka martinka mája nikolka pavla pavlínka
petruš peťka radunka romča šárka šárinka terka terezka vendy zuzka zuzanka
baruška bára barča denisa deniska dominika dominička eliška eliška ella
adamek dan daneček davídek filípek kryštůfek matýsek matýsek matěj matějíček
šimonek vojta vojtík vítek vítek lukášek kubíček honzíček tadeáš jindra jindřiška
mare maki jovo đole miki mićo mićun baćo cica caca buba ceca gaga maca vesa
bobo boki dado dule jole jole joca laki lale leka mile mišo neca pera pero rade
raša saša sale šone vlado zoki žare žika ana anica anči anka desa dada goga
jeca jeka maja mara mila milka nada neda ninа sanja seka slađa tanja toni vera
"""

# Montenegrin municipalities and larger Serbian/Bosnian towns (Latin), plus
# Czech towns often missing from Faker's list.
EXTRA_PLACES = """
podgorica nikšić pljevlja bijelo polje berane rožaje plav gusinje andrijevica kolašin
mojkovac žabljak plužine šavnik danilovgrad cetinje budva bar ulcinj kotor tivat
herceg novi petnjica tuzi zeta golubovci beograd novi sad niš kragujevac sarajevo
banja luka mostar zagreb split rijeka ljubljana skopje tirana
jihlava třebíč pelhřimov havlíčkův brod žďár nad sázavou praha brno ostrava plzeň
liberec olomouc zlín pardubice hradec králové české budějovice ústí nad labem
karlovy vary kladno most opava frýdek-místek karviná teplice děčín chomutov jablonec
prostějov přerov mladá boleslav třinec tábor znojmo kolín příbram cheb písek trutnov
kroměříž vsetín šumperk uherské hradiště břeclav hodonín český těšín litoměřice
nový jičín krnov sokolov klatovy strakonice jindřichův hradec náchod rychnov
velké meziříčí moravské budějovice telč humpolec chotěboř světlá nad sázavou
nové město na moravě bystřice nad pernštejnem pacov kamenice nad lipou vysočina
bratislava košice prešov žilina nitra banská bystrica trnava martin trenčín poprad
"""


def _clean(word: str) -> str:
    word = unicodedata.normalize("NFKC", word).strip().lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        word = "".join(_MK.get(ch, ch) for ch in word)
    return word


def _attr(module: object, name: str) -> list[str]:
    value = getattr(module, name, None)
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.keys())
    return list(value)


def build() -> tuple[list[str], list[str]]:
    first: set[str] = set()
    last: set[str] = set()
    for loc in PERSON_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            first.update(_clean(w) for w in _attr(provider, attr))
        for attr in ("last_names", "last_names_male", "last_names_female"):
            last.update(_clean(w) for w in _attr(provider, attr))
    first.update(_clean(w) for w in SR_ME_FIRST.split())
    first.update(_clean(w) for w in DIMINUTIVES.split())
    last.update(_clean(w) for w in SR_ME_LAST.split())
    places: set[str] = set()
    for loc in ADDRESS_LOCALES:
        provider = importlib.import_module(f"faker.providers.address.{loc}").Provider
        for attr in ("cities", "city_names"):
            places.update(_clean(w) for w in _attr(provider, attr))
    first = {w for w in first if len(w) >= 2 and " " not in w}
    last = {w for w in last if len(w) >= 2 and " " not in w}
    lex = [f"F\t{w}" for w in sorted(first)] + [f"S\t{w}" for w in sorted(last)]
    name_words = first | last
    place_words: set[str] = set()
    for p in places:
        for part in p.replace("-", " ").split():
            # a village that shares its name with a person is not allowlisted:
            # missing a name is worse than one extra warning
            if len(part) >= 3 and part not in name_words:
                place_words.add(part)
    extra = {_clean(w) for w in EXTRA_PLACES.split()}
    place_words.update(w for w in extra if len(w) >= 3 and w not in first)
    place_words -= {"nad", "pod", "pri", "při"}
    return lex, sorted(place_words)


def main() -> None:
    lex, places = build()
    header = "# generated by build_lexicon.py - do not edit by hand\n"
    (HERE / "names.txt").write_text(header + "\n".join(lex) + "\n", encoding="utf-8")
    (HERE / "places.txt").write_text(header + "\n".join(places) + "\n", encoding="utf-8")
    print(f"names.txt: {len(lex)} entries; places.txt: {len(places)} words")


if __name__ == "__main__":
    main()
