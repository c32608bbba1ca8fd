#!/usr/bin/env python3
"""Writes distinct, signed Pluvo deliveries for bench/deliveries.lua.

Each line is `salt<TAB>X-Signature<TAB>body`. The body is a compact JSON object of about 700 bytes,
a COURSE_FINISHED or an ASSIGNMENT_GRADE_UPDATE with nested user objects, whose `id` and `sentDate`
occur once in the whole set. It is signed the way Pluvo's developer docs describe: the HMAC-SHA1 key
is the raw SHA-1 of salt + webhook key, the header is the MAC in unpadded base64url.

The set is split into one file per wrk thread (PREFIX.0, PREFIX.1, ...), so each thread streams its
own file and no body is sent twice while the set lasts.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import json
import multiprocessing
import random
import uuid

FIRST_NAMES = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Jeroen",
               "Kim", "Lotte", "Mohamed", "Noor", "Oscar", "Priya", "Quinten", "Roos", "Sem", "Tess"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "El Amrani"]
DEPARTMENTS = ["Marketing", "Sales", "Finance", "Zorg", "Logistiek", "HR", "ICT", "Klantenservice"]
COURSES = ["Basis brandveiligheid", "Omgaan met agressie", "AVG in de praktijk", "Excel voor gevorderden",
           "Feedback geven en ontvangen", "Veilig werken op hoogte", "Timemanagement", "Onboarding deel 2"]
ASSIGNMENTS = ["Reflectieverslag", "Praktijkopdracht", "Eindtoets casus", "Portfolio-opdracht"]
SEPARATORS = (",", ":")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True, help="deliveries in the whole set")
    parser.add_argument("--parts", type=int, default=2, help="files to split into, one per wrk thread")
    parser.add_argument("--key", required=True, help="the webhook key to sign with")
    parser.add_argument("--start", required=True, help="sentDate of the first delivery, e.g. 2026-03-01")
    parser.add_argument("--seed", type=int, default=1, help="makes different sets for different --start")
    parser.add_argument("--out", required=True, help="path prefix; writes PREFIX.0 ... PREFIX.<parts-1>")
    args = parser.parse_args()

    jobs = [(args, part) for part in range(args.parts)]
    with multiprocessing.Pool(min(args.parts, multiprocessing.cpu_count())) as pool:
        sizes = pool.starmap(write_part, jobs)

    total = sum(count for count, _ in sizes)
    average = sum(length for _, length in sizes) / max(total, 1)
    print(f"wrote {total} deliveries in {args.parts} files {args.out}.*, {average:.0f} bytes per body on average")


def write_part(args, part):
    """Writes deliveries part, part + parts, part + 2 * parts, ...; returns (count, total body bytes)."""
    rng = random.Random(f"{args.seed}/{part}")
    key = args.key.encode()
    start = datetime.datetime.fromisoformat(args.start).replace(tzinfo=datetime.timezone.utc)
    count = 0
    body_bytes = 0
    with open(f"{args.out}.{part}", "w", encoding="utf-8", buffering=1 << 20) as out:
        for n in range(part, args.count, args.parts):
            # One millisecond apart: every sentDate in the set is different.
            sent = start + datetime.timedelta(milliseconds=n)
            body = json.dumps(make_delivery(rng, sent), separators=SEPARATORS, ensure_ascii=False).encode()
            salt = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=16))
            out.write(f"{salt}\t{sign(body, salt, key)}\t{body.decode()}\n")
            count += 1
            body_bytes += len(body)

    return count, body_bytes


def sign(body, salt, key):
    derived = hashlib.sha1(salt.encode() + key).digest()
    mac = hmac.new(derived, body, hashlib.sha1).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def make_delivery(rng, sent):
    if rng.random() < 0.5:
        return course_finished(rng, sent)
    return assignment_grade_update(rng, sent)


def new_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def iso(moment):
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def user(rng):
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    employee = rng.randrange(10000, 99999)
    return {
        "id": new_id(rng),
        "ref": f"emp-{employee}",
        "name": f"{first} {last}",
        "email": f"{first}.{last.replace(' ', '')}@example.nl".lower(),
        "isActive": True,
        "afas_person_id": f"P{employee}",
        "afas_employee_id": None if rng.random() < 0.3 else str(employee),
        "extraFields": {"Afdeling": rng.choice(DEPARTMENTS), "Locatie": rng.choice(["Utrecht", "Zwolle", "Breda"])},
    }


def course_finished(rng, sent):
    title = rng.choice(COURSES)
    return {
        "id": new_id(rng),
        "ref": f"course-{rng.randrange(100, 999)}",
        "event": "COURSE_FINISHED",
        "type": "COURSE",
        "score": round(rng.uniform(0.4, 1.0), 2),
        "time_spent": {"days": 0, "seconds": rng.randrange(300, 7200), "microseconds": rng.randrange(0, 999999)},
        "user": user(rng),
        "course": {"id": new_id(rng), "ref": None, "title": title, "type": "SCORM"},
        "lti": {"id": new_id(rng), "title": title, "launch_url": "https://lti.example.com/launch"},
        "sentDate": iso(sent),
    }


def assignment_grade_update(rng, sent):
    event_start = sent - datetime.timedelta(days=rng.randrange(1, 60))
    return {
        "id": new_id(rng),
        "score": round(rng.uniform(1.0, 10.0), 1),
        "fulfilled": rng.choice([True, False, None]),
        "state": rng.choice(["open", "closed"]),
        "user": user(rng),
        "assignment": {
            "id": new_id(rng),
            "event": {
                "id": new_id(rng),
                "title": rng.choice(ASSIGNMENTS),
                "startDate": iso(event_start),
                "endDate": iso(event_start + datetime.timedelta(days=14)),
            },
            "assignment_type": "participant",
            "score_type": "numeral",
            "weight": rng.choice([0, 1, 2]),
        },
        "sentDate": iso(sent),
        "event": "ASSIGNMENT_GRADE_UPDATE",
    }


if __name__ == "__main__":
    main()
