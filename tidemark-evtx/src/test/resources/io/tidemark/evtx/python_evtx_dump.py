# Renders EVTX files with python-evtx (Debian python3-evtx), the way evtx_dump.py does:
# record.xml() per record. One interpreter for many files, since python-evtx is slow to start
# and slower to decode. Paths come one per line on stdin; output is UTF-8 with markers.
import sys

import Evtx.Evtx as evtx

out = open(sys.stdout.fileno(), "w", encoding="utf-8", errors="surrogatepass", newline="\n")
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    out.write("=== FILE " + path + "\n")
    try:
        with evtx.Evtx(path) as log:
            for record in log.records():
                out.write("=== RECORD\n" + record.xml() + "\n")
    except Exception as e:  # a peer failure is data for the test, not a crash of the test
        out.write("=== ERROR " + repr(e).replace("\n", " ") + "\n")
    out.write("=== END\n")
out.flush()
