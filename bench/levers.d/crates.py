"""Sums a wasm module's shallow bytes by crate, from `twiggy top --format csv`.

Usage: python3 crates.py TOP.csv [HOW_MANY]

A function counts for the crate of its path's first segment. A trait method
of a generic or standard-library type (`<T as tachys::view::Render>`,
`<alloc::vec::Vec<T> as serde::Deserialize>`) counts for the trait's crate, since that crate's code is why it is there,
and dropping a value counts for the crate of its type. Closures called
through `core`'s Fn traits and methods of primitive types (`<str>`) stay
with `core`. Data segments, imports,
functions without a name and the rest are grouped apart. The name section
that keeps the function names is left out: the shipped module has none.
"""

import csv
import re
import sys
from collections import Counter

STANDARD = {"core", "alloc", "std"}
CRATE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?=(\[[0-9a-f]+\])?::)")


def first_crate(path):
    """The crate that `path` starts with, past references and pointers."""
    path = re.sub(r"^(?:&mut |&|\*const |\*mut |dyn |\(|<)+", "", path)
    found = CRATE.match(path)
    return found.group(0) if found else None


DROP = "core::ptr::drop_in_place<"


def crate_of(name):
    if name.startswith(("data[", "data segment")):
        return "(data segments)"
    if name.startswith("import "):
        return "(imports)"
    if name.startswith("elem["):
        return "(function tables)"
    if name.startswith("code["):
        return "(functions without a name)"
    if name.startswith(("__wbg_", "__wbindgen")):
        return "wasm_bindgen"
    if name.startswith(DROP):
        return first_crate(name[len(DROP):]) or "core"
    crate = first_crate(name)
    if name.startswith("<") and (crate is None or crate in STANDARD):
        if " as " in name:
            crate = first_crate(name.split(" as ", 1)[1]) or crate
        crate = crate or "core"
    return crate or "(other items)"


def main():
    how_many = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    sizes = Counter()
    with open(sys.argv[1], newline="") as table:
        for row in csv.DictReader(table):
            name = row["Name"]
            if name.endswith("subsection"):
                continue
            sizes[crate_of(name)] += int(row["ShallowSize"])
    total = sum(sizes.values())
    print(f"{'crate':<28} {'bytes':>9} {'share':>7}")
    for crate, size in sizes.most_common(how_many):
        print(f"{crate:<28} {size:>9} {100 * size / total:>6.1f}%")
    rest = total - sum(size for _, size in sizes.most_common(how_many))
    print(f"{'(the rest)':<28} {rest:>9} {100 * rest / total:>6.1f}%")
    print(f"{'total':<28} {total:>9}")


if __name__ == "__main__":
    main()
