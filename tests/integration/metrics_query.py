#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# metrics_query.py FILE [SERIES...]: read a scrape with python3-prometheus-
# client's own text parser and print, for each SERIES
# ('name{label="value",...}' or a bare name), its value, or "absent".
# Without SERIES, print "name type" for each family, and "undocumented
# NAME" for a family that lacks its HELP or TYPE line. Exits 1 if the
# parser refuses the text.
import re
import sys

from prometheus_client.parser import text_string_to_metric_families


def series_key(text):
    m = re.fullmatch(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?', text)
    labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ''))
    return m.group(1), labels


def main():
    text = open(sys.argv[1]).read()
    try:
        families = list(text_string_to_metric_families(text))
    except Exception as e:  # the parser raises plain ValueErrors
        print("parse error: %s" % e)
        return 1
    if len(sys.argv) == 2:
        for f in families:
            print(f.name, f.type)
            if not f.documentation or f.type == 'unknown':
                print("undocumented", f.name)
        return 0
    samples = [s for f in families for s in f.samples]
    for arg in sys.argv[2:]:
        name, labels = series_key(arg)
        found = [s.value for s in samples
                 if s.name == name and s.labels == labels]
        if not found:
            print("absent")
        elif float(found[0]).is_integer():
            print(int(found[0]))
        else:
            print(found[0])
    return 0


sys.exit(main())
