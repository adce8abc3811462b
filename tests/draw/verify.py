#!/usr/bin/env python3
"""An independent check of a ShopCircle draw, written from docs/draw.md with
nothing but Python's hashlib: recomputes the result from a published draw
file and says whether it matches. Exit 0 when it does, 1 with the first
difference otherwise.  Usage: verify.py DRAW.json"""
import hashlib
import json
import sys


def stream(seed):
    counter = 0
    while True:
        block = hashlib.sha256(seed + counter.to_bytes(8, "big")).digest()
        counter += 1
        for i in range(0, 32, 8):
            yield int.from_bytes(block[i:i + 8], "big")


def below(words, bound):
    limit = 2**64 - (2**64 % bound)
    while True:
        w = next(words)
        if w < limit:
            return w % bound


def result_of(d):
    labels = d["entrants"]
    text = "".join(f"{i + 1}\t{label}\n" for i, label in enumerate(labels))
    list_hash = hashlib.sha256(text.encode("utf-8")).digest()
    shop_seed = bytes.fromhex(d["shop_seed"])
    problems = []
    if list_hash.hex() != d["list_sha256"]:
        problems.append(f"list hash: published {d['list_sha256']}, computed {list_hash.hex()}")
    if hashlib.sha256(shop_seed).hexdigest() != d["seed_sha256"]:
        problems.append("the revealed seed does not match its published hash")
    seed = hashlib.sha256(shop_seed + d["public_value"].encode("utf-8") + list_hash).digest()
    urn = []
    for rank, prize in enumerate(d["prizes"], start=1):
        urn += [rank] * min(prize["quantity"], len(labels) - len(urn))
    urn += [0] * (len(labels) - len(urn))
    words = stream(seed)
    for i in range(len(urn) - 1, 0, -1):
        j = below(words, i + 1)
        urn[i], urn[j] = urn[j], urn[i]
    return urn, problems


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        d = json.load(f)
    urn, problems = result_of(d)
    for k, (mine, theirs) in enumerate(zip(urn, d["result"]), start=1):
        if mine != theirs:
            problems.append(f"entrant {k}: published prize {theirs}, computed {mine}")
            break
    if len(urn) != len(d["result"]):
        problems.append(f"{len(d['result'])} results published for {len(urn)} entrants")
    if problems:
        print(problems[0])
        sys.exit(1)
    print("OK: the published result is the one the inputs give")


if __name__ == "__main__":
    main()
