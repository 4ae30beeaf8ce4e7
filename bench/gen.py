#!/usr/bin/env python3
"""gen.py -- fill a Pressrum database with N realistic articles for bench/.

Usage: bench/gen.py [--seed S] [--no-revisions] DB N

DB must exist and be migrated (`pressrum migrate` or `pressrum demo`).  When
it holds no topics yet, a small base set (settings, topics, contacts) is
added first.  Then articles are added until the database holds N articles
in all, so a demo database keeps its 22 articles (the seed article among
them) and gains N - 22 generated ones.

The articles read like a Swedish municipality's newsroom: titles, leads and
bodies built from word lists and sentence templates over a dozen topics,
quotes from the contacts, 1-3 topics and 0-2 experts each, a fifth of them
long (sub-headings, bullet lists), some with "Läs vidare" links.  Dates run
from 15 years ago to now in id order, with a few scheduled in the future.
Status mix: about 90 % published, 6 % drafts, 4 % unpublished.  Each
article gets its first revision (as a save through the staff area would)
unless --no-revisions.  No ANALYZE is run (Pressrum does not run one
either), so query plans are the ones production gets.  Everything is written in one transaction with
executemany; the search-index and change-stamp triggers (migration
0002) are dropped for the bulk insert and their work is done once at the
end, then they are put back.  100,000 articles take well under a minute.
"""
import argparse
import random
import sqlite3
import sys
import time
import unicodedata

BASE_TOPICS = [
    ("jamstalldhet", "Jämställdhet"),
    ("covid-19", "Covid-19 och det nya coronaviruset"),
    ("ekonomi", "Ekonomi"),
    ("skola", "Skola och förskola"),
    ("vard-och-omsorg", "Vård och omsorg"),
    ("digitalisering", "Digitalisering"),
    ("klimat-och-miljo", "Klimat och miljö"),
    ("kompetensforsorjning", "Kompetensförsörjning"),
]
MORE_TOPICS = [
    ("kollektivtrafik", "Kollektivtrafik"),
    ("bostader-och-samhallsbyggnad", "Bostäder och samhällsbyggnad"),
    ("kultur-och-fritid", "Kultur och fritid"),
    ("krisberedskap", "Krisberedskap och säkerhet"),
    ("integration", "Integration och mottagande"),
    ("folkhalsa", "Folkhälsa"),
    ("demokrati", "Demokrati och medborgardialog"),
    ("naringsliv", "Näringsliv och tillväxt"),
]
FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders",
         "Sara", "Per", "Elin", "Mikael", "Lena", "Fredrik", "Ida", "Jonas",
         "Emma", "Olof", "Linnea", "Magnus", "Sofia", "Henrik", "Maja",
         "Gustav", "Helena", "Nils", "Amira", "Ali", "Fatima", "Mohammed"]
LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
        "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg",
        "Lindqvist", "Holm", "Bergström", "Sandberg", "Åberg", "Öberg",
        "Ekström", "Hedlund", "Forsberg", "Sjögren", "Nordin", "Wallin"]
TITLES = ["Handläggare", "Utredare", "Sektionschef", "Avdelningschef",
          "Strateg", "Senior ekonom", "Projektledare", "Verksamhetsutvecklare"]
UNITS = ["Avdelningen för vård och omsorg", "Avdelningen för ekonomi och "
         "styrning", "Avdelningen för utbildning och arbetsmarknad",
         "Avdelningen för digitalisering", "Avdelningen för tillväxt och "
         "samhällsbyggnad", "Avdelningen för arbetsgivarpolitik"]

SUBJECTS = ["Kommunen", "Regionen", "Kommunstyrelsen", "Socialnämnden",
            "Utbildningsnämnden", "Regionfullmäktige", "Kommunfullmäktige",
            "Miljöförvaltningen", "Stadsbyggnadskontoret", "Räddningstjänsten",
            "Kulturförvaltningen", "Tekniska nämnden", "Hälso- och "
            "sjukvårdsnämnden", "Äldreförvaltningen", "SKR"]
VERBS = ["föreslår", "satsar på", "utreder", "inför", "förstärker",
         "ser över", "välkomnar", "startar", "beslutar om", "planerar",
         "utvärderar", "bygger ut", "tar fram", "vill se", "presenterar"]
OBJECTS = ["en ny plan för äldreomsorgen", "fler platser i förskolan",
           "en tryggare skolväg", "billigare kollektivtrafik",
           "en klimatstrategi till 2030", "fler bostäder i centrum",
           "en digital tjänst för bygglov", "ökat stöd till föreningslivet",
           "nya regler för avfallshantering", "en satsning på läsfrämjande",
           "längre öppettider på biblioteken", "en ny vårdcentral",
           "stöd till unga som söker sommarjobb", "fler undersköterskor",
           "en översyn av hemtjänsten", "förbättrad krisberedskap",
           "laddplatser för elbilar", "en ny simhall", "mer grönyta i staden",
           "tidiga insatser för barn och unga", "bredband på landsbygden",
           "ett gemensamt ärendesystem", "åtgärder mot ensamhet bland äldre",
           "ny budget för nästa år", "minskad sjukfrånvaro i välfärden"]
TAILS = ["under nästa år", "i samarbete med regionen", "efter beslut i "
         "fullmäktige", "trots ett ansträngt ekonomiskt läge", "som en del "
         "av budgeten", "för att möta behoven framåt", "i hela länet",
         "med stöd från staten", "efter önskemål från invånarna",
         "redan i höst", "i flera av länets kommuner", "på sikt"]
FILLERS = ["Arbetet har pågått sedan i våras och involverar flera "
           "förvaltningar.", "Förslaget ska nu remitteras till berörda "
           "nämnder.", "Beslutet väntas fattas vid nästa sammanträde.",
           "Kostnaden beräknas till omkring {n} miljoner kronor.",
           "Enligt den senaste uppföljningen har {p} procent av målen "
           "uppnåtts.", "Invånarna kommer att kunna lämna synpunkter "
           "via kommunens webbplats.", "Satsningen följs upp varje år och "
           "redovisas för fullmäktige.", "Flera kommuner i länet har redan "
           "genomfört liknande förändringar.", "Det handlar om att ge "
           "invånarna en likvärdig service oavsett var de bor.",
           "Personalen har fått utbildning inför förändringen.",
           "Under {y} ökade efterfrågan med {p} procent.",
           "Mer information finns i beslutsunderlaget.",
           "Frågan har diskuterats länge i nämnden.",
           "Målet är att verksamheten ska vara i gång senast {y}."]
HEADINGS = ["Bakgrund", "Så går det till", "Vad händer nu?", "Kostnader och "
            "finansiering", "Tidplan", "Det här betyder förändringen för "
            "dig", "Uppföljning", "Fakta", "Frågor och svar", "Om satsningen"]
QUOTE_INTRO = ["Det här är en viktig dag för", "Vi har länge arbetat för",
               "Nu tar vi nästa steg för", "Vi ser ett stort behov av",
               "Det är glädjande att vi kan satsa på"]
QUOTE_WHO = ["invånarna", "våra medarbetare", "barn och unga", "äldre i "
             "kommunen", "näringslivet", "hela regionen"]


def slugify(s):
    """ASCII slug as Pressrum makes them (å, ä -> a, ö -> o)."""
    s = unicodedata.normalize("NFKD", s.lower())
    out, dash = [], False
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:60].rstrip("-")


class Writer:
    """Makes one article's text from the word lists with one RNG."""

    def __init__(self, rng, contacts):
        self.r = rng
        self.contacts = contacts

    def pick(self, seq):
        return seq[int(self.r.random() * len(seq))]

    def sentence(self):
        r = self.r
        if r.random() < 0.5:
            return self.pick(FILLERS).format(n=r.randint(2, 400),
                                             p=r.randint(3, 95),
                                             y=r.randint(2010, 2030))
        return "%s %s %s %s." % (self.pick(SUBJECTS), self.pick(VERBS),
                                 self.pick(OBJECTS), self.pick(TAILS))

    def paragraph(self, lo=2, hi=5):
        return " ".join(self.sentence() for _ in range(self.r.randint(lo, hi)))

    def quote(self):
        c = self.pick(self.contacts)
        return "– %s %s, säger %s, %s." % (
            self.pick(QUOTE_INTRO), self.pick(QUOTE_WHO), c[1], c[2].lower())

    def bullets(self):
        return "\n".join("- " + o.capitalize()
                         for o in self.r.sample(OBJECTS, self.r.randint(3, 6)))

    def body(self, long):
        parts = [self.paragraph(), self.quote(), self.paragraph(),
                 self.paragraph()]
        if long:
            for _ in range(self.r.randint(3, 6)):
                parts.append("## " + self.pick(HEADINGS))
                parts.append(self.paragraph(3, 7))
                if self.r.random() < 0.5:
                    parts.append(self.bullets())
                if self.r.random() < 0.3:
                    parts.append(self.quote())
        return "\n\n".join(parts)


def ensure_base(db, now):
    """Settings, topics and contacts for a database from `pressrum migrate`."""
    if db.execute("SELECT count(*) FROM topic").fetchone()[0] == 0:
        db.executemany("INSERT OR IGNORE INTO setting (key, value) VALUES "
                       "(?, ?)", [("site_name", "Kommunen Press"),
                                  ("org_name", "Exempelkommunen"),
                                  ("press_phone", "0123-45 67 00"),
                                  ("press_email", "press@example.se")])
    have = {r[0] for r in db.execute("SELECT slug FROM topic")}
    rows = [(s, n, "Nyheter och fakta om %s." % n.lower(), now)
            for s, n in BASE_TOPICS + MORE_TOPICS if s not in have]
    db.executemany("INSERT INTO topic (slug, name, lead, published_at) "
                   "VALUES (?, ?, ?, ?)", rows)


def ensure_contacts(db, rng, want=60):
    """Top up the contacts to `want`, each an expert on 1-2 topics."""
    have = db.execute("SELECT count(*) FROM contact").fetchone()[0]
    topics = [r[0] for r in db.execute("SELECT id FROM topic")]
    for i in range(have, want):
        name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        email = slugify(name).replace("-", ".") + "%d@example.se" % i
        cur = db.execute(
            "INSERT INTO contact (name, title, unit, phone, email, "
            "press_officer, on_duty, active) VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
            (name, rng.choice(TITLES), rng.choice(UNITS),
             "08-452 %02d %02d" % (rng.randint(0, 99), rng.randint(0, 99)),
             email, 0 if rng.random() < 0.05 else 1))
        for t in rng.sample(topics, rng.randint(1, 2)):
            db.execute("INSERT OR IGNORE INTO contact_topic VALUES (?, ?)",
                       (cur.lastrowid, t))


def generate(db, n_total, seed, revisions):
    rng = random.Random(seed)
    now = int(time.time())
    ensure_base(db, now)
    ensure_contacts(db, rng)
    contacts = db.execute("SELECT id, name, title FROM contact "
                          "WHERE active = 1").fetchall()
    topics = [r[0] for r in db.execute("SELECT id FROM topic")]
    experts_of = {}
    for cid, tid in db.execute("SELECT contact_id, topic_id "
                               "FROM contact_topic"):
        experts_of.setdefault(tid, []).append(cid)
    have = db.execute("SELECT count(*) FROM article").fetchone()[0]
    first = db.execute("SELECT coalesce(max(id), 0) + 1 "
                       "FROM article").fetchone()[0]
    count = max(0, n_total - have)
    w = Writer(rng, contacts)
    span = 15 * 365 * 86400
    start = now - span
    arts, ats, aes, links, revs = [], [], [], [], []
    for k in range(count):
        aid = first + k
        kr = rng.random()
        kind = "nyhet" if kr < 0.70 else ("pressmeddelande" if kr < 0.98
                                          else "sida")
        title = "%s %s %s" % (w.pick(SUBJECTS), w.pick(VERBS),
                              w.pick(OBJECTS))
        slug = "%s-%d" % (slugify(title), aid)
        lead = w.paragraph(1, 2)
        body = w.body(rng.random() < 0.2)
        # id order is time order, with a day or two of jitter.
        pub = start + (span * (k + 1)) // (count + 1) + rng.randint(-86400,
                                                                  86400)
        sr = rng.random()
        if sr < 0.90:
            status = "publicerad"
            if rng.random() < 0.002:
                pub = now + rng.randint(3600, 30 * 86400)   # scheduled
        elif sr < 0.96:
            status, pub = "utkast", None
        else:
            status = "avpublicerad"
        created = (pub or now - rng.randint(0, span)) - rng.randint(600,
                                                                    86400)
        updated = created + rng.randint(0, 86400)
        arts.append((aid, kind, slug, title, lead, body, "sv", status, pub,
                     created, updated, pub if status != "utkast" else None))
        tset = rng.sample(topics, rng.randint(1, 3))
        for t in tset:
            ats.append((aid, t))
        pool = experts_of.get(tset[0]) or [c[0] for c in contacts]
        for pos, c in enumerate(rng.sample(pool, min(len(pool),
                                                     rng.randint(0, 2)))):
            aes.append((aid, c, pos))
        if rng.random() < 0.2:
            links.append((aid, 0, "Läs mer om " + w.pick(OBJECTS),
                          "https://www.example.se/%s" % slugify(w.pick(
                              OBJECTS))))
        if revisions:
            revs.append((aid, 1, kind, slug, title, lead, body, "sv",
                         status, pub, "[%s]" % ",".join(map(str, tset)),
                         updated))
        if len(arts) >= 20000:
            flush(db, arts, ats, aes, links, revs)
    flush(db, arts, ats, aes, links, revs)
    return count


def flush(db, arts, ats, aes, links, revs):
    db.executemany(
        "INSERT INTO article (id, kind, slug, title, lead, body_md, lang, "
        "status, publish_at, created_at, updated_at, first_published_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arts)
    db.executemany("INSERT INTO article_topic VALUES (?, ?)", ats)
    db.executemany("INSERT INTO article_expert (article_id, contact_id, "
                   "position) VALUES (?, ?, ?)", aes)
    db.executemany("INSERT INTO article_link (article_id, position, title, "
                   "url) VALUES (?, ?, ?, ?)", links)
    db.executemany(
        "INSERT INTO article_revision (article_id, version, kind, slug, "
        "title, lead, body_md, lang, status, publish_at, topics_json, "
        "saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", revs)
    for lst in (arts, ats, aes, links, revs):
        lst.clear()


WRITE_TABLES = ("article", "article_topic", "article_expert", "article_link",
                "article_revision")


def suspend_triggers(db):
    """Drop the per-row search-index and change-stamp triggers on the tables
    written here (migration 0002); returns their SQL for resume_triggers.
    Other triggers are left alone and fire as usual."""
    rows = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
        "tbl_name IN (%s) AND (name = 'search_article_insert' OR name LIKE "
        "'change\\_%%' ESCAPE '\\')" % ",".join("?" * len(WRITE_TABLES)),
        WRITE_TABLES).fetchall()
    for name, _ in rows:
        db.execute('DROP TRIGGER "%s"' % name.replace('"', '""'))
    return [sql for _, sql in rows]


def resume_triggers(db, saved, first_id):
    """Do in bulk what the dropped triggers did row by row, then put them
    back: index the new articles for search, move the change stamp."""
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    if "search" in names and any("search_article_insert" in s
                                 for s in saved):
        # The body is indexed from its rendered text, which Pressrum
        # fills in at its next start (migration 0007): title and lead
        # only here, never the Markdown.
        db.execute("INSERT INTO search (rowid, title, lead) "
                   "SELECT id * 2, title, lead FROM article "
                   "WHERE id >= ?", (first_id,))
    for sql in saved:
        db.execute(sql)
    if "site_change" in names:   # with its triggers back: seq moves too
        db.execute("UPDATE site_change SET at = max(at, unixepoch())")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-revisions", action="store_true")
    a = ap.parse_args()
    t0 = time.monotonic()
    db = sqlite3.connect(a.db, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA cache_size = -200000")
    db.execute("BEGIN IMMEDIATE")
    try:
        first = db.execute("SELECT coalesce(max(id), 0) + 1 "
                           "FROM article").fetchone()[0]
        saved = suspend_triggers(db)
        added = generate(db, a.n, a.seed, not a.no_revisions)
        resume_triggers(db, saved, first)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print("gen: added %d articles (total %d) in %.1f s" %
          (added, a.n, time.monotonic() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
