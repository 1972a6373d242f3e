"""Writes one tokcheck vector file (docs/VECTORS.md) deterministically.

Generators build a VectorFile, add tests, and call write(). The writer assigns
tcIds in insertion order, checks that every flag is described in notes and that
every acceptable test has a flag, and writes sorted-free, stable JSON (2-space
indent, UTF-8, trailing newline) so regenerating an unchanged generator gives a
byte-identical file.
"""
import json
import os

SCHEMA = "tokcheck_vectors_v1.schema.json"
BUG_TYPES = {"BASIC", "AUTH_BYPASS", "CONFIDENTIALITY", "LEGACY", "FUNCTIONALITY", "WEAK_PARAMS",
             "CAN_OF_WORMS", "MALLEABILITY", "SIGNATURE_MALLEABILITY", "BER_ENCODING", "EDGE_CASE",
             "MISSING_STEP", "KNOWN_BUG", "WRONG_PRIMITIVE", "MODIFIED_PARAMETER", "DEFINED"}


class VectorFile:
    def __init__(self, scheme, operation, generator, header, notes):
        for flag, note in notes.items():
            if note["bugType"] not in BUG_TYPES:
                raise ValueError(f"{flag}: unknown bugType {note['bugType']}")
        self.scheme = scheme
        self.operation = operation
        self.generator = generator
        self.header = list(header)
        self.notes = dict(notes)
        self.tests = []

    def add(self, comment, flags, result, source, input, expected):
        if result not in ("valid", "invalid", "acceptable"):
            raise ValueError(f"bad result {result}")
        for f in flags:
            if f not in self.notes:
                raise ValueError(f"flag {f} has no note")
        if result == "acceptable" and not flags:
            raise ValueError(f"acceptable test without a flag: {comment}")
        self.tests.append({
            "tcId": len(self.tests) + 1,
            "comment": comment,
            "flags": list(flags),
            "result": result,
            "source": source,
            "input": input,
            "expected": expected,
        })

    def write(self, root):
        used = {f for t in self.tests for f in t["flags"]}
        notes = {k: v for k, v in self.notes.items() if k in used}
        doc = {
            "schema": SCHEMA,
            "scheme": self.scheme,
            "operation": self.operation,
            "generator": self.generator,
            "numberOfTests": len(self.tests),
            "header": self.header,
            "notes": notes,
            "tests": self.tests,
        }
        path = os.path.join(root, self.scheme, f"{self.operation}.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
            f.write("\n")
        return path
