#!/usr/bin/env bash
# t0085-documents.sh -- documents attached to an article (issue 14): an
# editor attaches a PDF and a Word file through /admin/media/dokument/ID
# (multipart); the type comes from the content (HTML named .pdf and a
# ZIP of other things are refused in Swedish, nothing stored); the
# article lists each with type and size ("PDF, 1,2 MB") and, when not
# accessible, how to ask for an accessible version; the accessibility
# statement lists the documents flagged not accessible, from the data;
# nginx serves them as downloads under their sanitised names; the files
# are restored from the database at start.
. "$(dirname "$0")/lib.sh"
site_start
staff_user_add red redaktor
staff_signin red
publish_article red "Budgeten antagen" budgeten-antagen "Budgeten är antagen."
aid=$ARTICLE_ID
upload() {
	request POST "/admin/media/dokument/$aid" -b "$T/red.jar" \
	    -H "Origin: $BASE" -F "csrf=$(staff_csrf red)" \
	    -F "atgard=ladda-upp" "$@"
}
docs() { q "SELECT count(*) FROM document"; }

{ printf '%%PDF-1.4\n%% test\n'; head -c 1200000 /dev/zero | tr '\0' 'x'; \
    printf '\n%%%%EOF\n'; } >"$T/budget.pdf"
/usr/bin/python3 - "$T/plan.docx" "$T/other.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document/>")
with zipfile.ZipFile(sys.argv[2], "w") as z:
    z.writestr("readme.txt", "hej")
PY
printf '<!doctype html><script>alert(1)</script>' >"$T/evil.pdf"

staff_request red GET "/admin/artiklar/$aid"
assert_body_contains "/admin/media/dokument/$aid"
upload -F "fil=@$T/budget.pdf;filename=Budget 2027 (slutlig).pdf" \
    -F "titel=Budget 2027"
assert_status 303
upload -F "fil=@$T/plan.docx" -F "titel=Verksamhetsplan" -F "tillganglig=1"
assert_status 303
assert_eq "two rows" "$(q "SELECT title, mime, bytes, accessible, filename
    FROM document ORDER BY id")" "Budget 2027|application/pdf|$(stat -c %s \
    "$T/budget.pdf")|0|Budget_2027__slutlig_.pdf
Verksamhetsplan|application/vnd.openxmlformats-officedocument.wordprocessingml.document|$(stat -c %s "$T/plan.docx")|1|plan.docx"

upload -F "fil=@$T/evil.pdf" -F "titel=Ond"
assert_status 415
assert_body_contains "Filens innehåll avgör"
assert_body_contains 'value="Ond"'
upload -F "fil=@$T/other.zip;filename=x.docx" -F "titel=Zip"
assert_status 415
upload -F "fil=@$T/budget.pdf" -F "titel="
assert_status 400
assert_body_contains "Skriv dokumentets titel"
assert_eq "... nothing stored" "$(docs)" 2

get /nyheter/budgeten-antagen
assert_status 200
assert_body_contains "Budget 2027 (PDF, 1,2 MB)"
assert_body_contains "Verksamhetsplan (Word, 1 kB)"
assert_body_contains "Dokumentet är inte tillgänglighetsanpassat"
href=$(printf '%s' "$BODY" | grep -o 'href="/media/dok/[^"]*\.pdf"' |
    sed 's/href="//; s/"$//')
get "$href"
assert_status 200
assert_header Content-Disposition '^attachment$'
assert_header Content-Type '^application/pdf'
check "served byte for byte" cmp -s "$T/body" "$T/budget.pdf"

get /tillganglighet
assert_body_contains "Dokument som inte är tillgänglighetsanpassade"
assert_body_contains "Budget 2027 (PDF, 1,2 MB), bifogat till Budgeten antagen"
assert_body_lacks "Verksamhetsplan"
did=$(q "SELECT id FROM document WHERE title = 'Budget 2027'")
staff_request red POST "/admin/media/dokument/$aid" \
    --data-urlencode "atgard=tillganglig" --data-urlencode "dok=$did"
assert_status 303
get /tillganglighet
assert_body_contains "Alla bifogade dokument är tillgänglighetsanpassade"
get /nyheter/budgeten-antagen
assert_body_lacks "inte tillgänglighetsanpassat"

# The files come back from the database after a restart.
rm -rf "$T/media/dok"
stop_pid "$SERVER_PID"
server_start
get "$href"
assert_status 200
staff_request red POST "/admin/media/dokument/$aid" \
    --data-urlencode "atgard=radera" --data-urlencode "dok=$did"
assert_status 400
assert_eq "an unknown atgard removed nothing" "$(docs)" 2
staff_request red POST "/admin/media/dokument/$aid" \
    --data-urlencode "atgard=ta-bort" --data-urlencode "dok=$did"
assert_status 303
assert_eq "removed" "$(docs)" 1
get "$href"
assert_status 404
done_testing
