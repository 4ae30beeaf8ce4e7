#!/usr/bin/env bash
# t0058-search-compounds.sh -- a search word also finds the compounds of
# the public articles that end in it ("college" finds "omsorgscollege",
# "bidrag" finds "statsbidragen"), marked in the hits, ranked below the
# whole word in the same place, never by a stem shorter than a word, and
# with å, ä and ö as letters of their own; and inflections: every form
# of a word finds the others, the form typed first.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/search_lib.sh"
site_start

sqlite3 "$DB" <<'SQL' || bail "could not insert the fixtures"
INSERT INTO article (kind, slug, title, lead, body_md, status, publish_at)
VALUES ('nyhet', 't58-whole', 'Fixtur ett', '', 'Om zyxkollegiet i år.',
        'publicerad', unixepoch() - 7200),
       ('nyhet', 't58-compound', 'Fixtur två', '',
        'Om vårdzyxkollegiet i år.', 'publicerad', unixepoch() - 60),
       ('nyhet', 't58-form', 'Fixtur tre', '', 'Om zyxkvinnorna i år.',
        'publicerad', unixepoch() - 7200),
       ('nyhet', 't58-typed', 'Fixtur fyra', '', 'Om zyxkvinnan i år.',
        'publicerad', unixepoch() - 3600),
       ('nyhet', 't58-short', 'Fixtur fem', '', 'Om abczyq i år.',
        'publicerad', unixepoch() - 7200),
       ('nyhet', 't58-harad', 'Fixtur sex', '', 'Om zyxhärad i år.',
        'publicerad', unixepoch() - 7200);
SQL
wait_text

search zyxkollegiet
check "the whole word first, then the (newer) compound" \
    test "$(hit_links | tr '\n' ' ')" = "/nyheter/t58-whole /nyheter/t58-compound "
has '<mark>vårdzyxkollegiet</mark>'
has '<mark>zyxkollegiet</mark>'

# The demo: "college" finds "omsorgscollege", "bidrag" "statsbidrag".
search college
has '/nyheter/rekordmanga-sokte-till-vard-och-omsorgscollege'
has '<mark>omsorgscollege</mark>'
search bidrag
has '/nyheter/extra-statsbidrag-valkomnas'
has '/nyheter/statsbidragen-racker-inte'
lacks '/nyheter/felaktig-uppgift-om-statsbidrag'

# Inflections: each form finds the other, the form typed ranked first.
search zyxkvinnorna
check "zyxkvinnorna: the form typed first" \
    test "$(hit_links | tr '\n' ' ')" = "/nyheter/t58-form /nyheter/t58-typed "
has '<mark>zyxkvinnan</mark>'
search zyxkvinnan
check "zyxkvinnan: the form typed first" \
    test "$(hit_links | tr '\n' ' ')" = "/nyheter/t58-typed /nyheter/t58-form "
has '<mark>zyxkvinnorna</mark>'

# A stem shorter than a word finds no compounds (as "vara", stemmed
# "var", would find "ansvar"): "zyqa" stems to "zyq".
search zyqa
lacks '/nyheter/t58-short'
# å, ä and ö stay letters at the compound stage too.
search härad
has '/nyheter/t58-harad'
search harad
lacks '/nyheter/t58-harad'

done_testing
