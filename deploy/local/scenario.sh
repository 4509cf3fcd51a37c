set -e
G=${G:-http://127.0.0.1:5000}
TOK=$(curl -s -X POST $G/api/dev/token -H 'content-type: application/json' -d '{"name":"Clerk","roles":["governance-admin","meetings-secretary"]}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
post() { curl -s -X POST "$G$1" -H "Authorization: Bearer $TOK" -H 'content-type: application/json' -d "$2"; }
id() { python3 -c 'import sys,json;d=json.load(sys.stdin);print(d.get("id") or d.get("membershipId") or d.get("substituteId") or d)'; }
declare -a ORGS
for n in "Kent Police" "Kent Fire and Rescue" "Kent County Council" "NHS Kent and Medway ICB" "Probation Service"; do ORGS+=($(post /api/governance/organisations "{\"name\":\"$n\",\"kind\":\"ResponsibleAuthority\"}" | id)); done
VRU=$(post /api/governance/organisations '{"name":"Violence Reduction Unit","kind":"CooperatingBody"}' | id)
BODY=$(post /api/governance/bodies '{"name":"KCSP Working Group","kind":"WorkingGroup","cadence":"Quarterly"}' | id)
declare -a MEM
for i in 0 1 2 3; do MEM+=($(post /api/governance/bodies/$BODY/members "{\"organisationId\":\"${ORGS[$i]}\",\"personName\":\"Member $i\",\"role\":\"Member\"}" | id)); done
MV=$(post /api/governance/bodies/$BODY/members "{\"organisationId\":\"$VRU\",\"personName\":\"VRU lead\",\"role\":\"Member\"}" | id)
SUB=$(post /api/governance/bodies/$BODY/members/${MEM[3]}/substitutes '{"name":"Deputy Three"}' | id)
echo body=$BODY sub=$SUB
sleep ${WAIT:-2}
curl -s $G/api/meetings/bodies/$BODY -H "Authorization: Bearer $TOK" | head -c 300; echo
MEET=$(post /api/meetings/meetings "{\"bodyId\":\"$BODY\",\"startsAt\":\"2026-12-01T10:00:00Z\",\"location\":\"Maidstone\"}" | id); echo meeting=$MEET
for i in 0 1 2; do post /api/meetings/meetings/$MEET/attendance "{\"membershipId\":\"${MEM[$i]}\",\"kind\":\"Present\"}"; done
post /api/meetings/meetings/$MEET/attendance "{\"membershipId\":\"$MV\",\"kind\":\"Present\"}"
echo; echo "-- decision with 3 authorities:"; post /api/meetings/meetings/$MEET/decisions '{"text":"Allocate CRG to project X","consensusReached":true,"agendaReference":"4.2"}'; echo
post /api/meetings/meetings/$MEET/attendance "{\"membershipId\":\"${MEM[3]}\",\"kind\":\"Substitute\",\"substituteId\":\"$SUB\"}"
echo "-- decision with substitute for a fourth:"; post /api/meetings/meetings/$MEET/decisions '{"text":"Allocate CRG to project X","consensusReached":true,"agendaReference":"4.2"}'; echo
curl -s "$G/api/meetings/decisions?bodyId=$BODY" -H "Authorization: Bearer $TOK"; echo
