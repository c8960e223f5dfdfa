#!/usr/bin/env python3
"""Independent recomputation of `ccsim fit`'s figures on an Anonymous Bank log.

Written separately from the fitter (src/fit/), in another language, from the data set's README
alone, so that a shared misreading is unlikely. Standard library only. Usage:

    python3 scripts/independent/anonymous_bank.py FILE.tsv  > figures.json

Rules (the same definitions as README "Start from your data", re-implemented):
- PHANTOM rows are dropped; HANG rows with q_start 0:00:00 hung up in the VRU (dropped); AGENT rows
  served by NO_SERVER are automated services (dropped). The rest are agent-seeking calls.
- Served = AGENT with a named server; its wait is q_time (0 if it never queued); its handle time is
  ser_time when ser_start is not 0:00:00. Abandoned = HANG after queueing, after q_time.
- Queued = q_start is not 0:00:00.
- A call's day is its `date`, plus one if vru_exit rolled past midnight (vru_exit more than 12 h
  before vru_entry).
"""
import csv
import json
import math
import sys
from collections import Counter, defaultdict
from datetime import date


def clock(t):
    h, m, s = (int(x) for x in t.split(':'))
    return h * 3600 + m * 60 + s


def main(path):
    with open(path, newline='') as fh:
        rows = list(csv.DictReader(fh, delimiter='\t'))
    dropped = Counter()
    served_times, waits, abandoned_flags = [], [], []
    per_day = Counter()
    calls = 0
    first_date = None
    for r in rows:
        r = {k.strip(): v.strip() for k, v in r.items()}
        outcome, server = r['outcome'], r['server']
        queued = r['q_start'] != '0:00:00'
        if outcome == 'PHANTOM':
            dropped['phantom'] += 1
            continue
        if outcome == 'HANG' and not queued:
            dropped['vruHangUp'] += 1
            continue
        if outcome == 'AGENT' and server == 'NO_SERVER':
            dropped['automatedServiceAfterQueue' if queued else 'automatedService'] += 1
            continue
        calls += 1
        d = date(2000 + int(r['date'][:2]) if int(r['date'][:2]) < 50 else 1900 + int(r['date'][:2]), int(r['date'][2:4]), int(r['date'][4:6]))
        roll = 1 if clock(r['vru_exit']) < clock(r['vru_entry']) - 43200 else 0
        day = d.toordinal() + roll
        per_day[day] += 1
        first_date = d.toordinal() if first_date is None else min(first_date, d.toordinal())
        if outcome == 'AGENT' and r['ser_start'] != '0:00:00':
            served_times.append(int(r['ser_time']))
        if queued:
            waits.append(int(r['q_time']))
            abandoned_flags.append(outcome == 'HANG')
    positive = [x for x in served_times if x > 0]
    logs = [math.log(x) for x in positive]
    mu = sum(logs) / len(logs)
    sigma = math.sqrt(sum((v - mu) ** 2 for v in logs) / len(logs))
    k = sum(abandoned_flags)
    total_wait = sum(waits)
    # Kaplan–Meier: at each distinct wait, events (hang-ups) before censorings (answers).
    at_t = defaultdict(lambda: [0, 0])
    for w, a in zip(waits, abandoned_flags):
        at_t[w][0 if a else 1] += 1
    at_risk, surv, median = len(waits), 1.0, None
    for t in sorted(at_t):
        d, c = at_t[t]
        if d:
            surv *= 1 - d / at_risk
            if median is None and surv <= 0.5:
                median = t
        at_risk -= d + c
    days = max(per_day) - first_date + 1
    daily = [per_day.get(first_date + i, 0) for i in range(days)]
    # Day-factor cv, method of moments within kinds of day (Sun–Thu, Fri, Sat for the bank).
    kinds = defaultdict(list)
    for i, n in enumerate(daily):
        wd = date.fromordinal(first_date + i).weekday()  # 0 = Monday
        kinds['fri' if wd == 4 else 'sat' if wd == 5 else 'sun-thu'].append(n)
    num = den = 0.0
    for xs in kinds.values():
        if len(xs) < 2:
            continue
        m = sum(xs) / len(xs)
        s2 = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
        num += (len(xs) - 1) * (s2 - m)
        den += (len(xs) - 1) * m * m
    cv = math.sqrt(num / den) if num > 0 else 0.0
    print(json.dumps({
        'source': 'scripts/independent/anonymous_bank.py',
        'rows': len(rows),
        'calls': calls,
        'days': days,
        'dropped': dict(sorted(dropped.items())),
        'servedWithHandleTime': len(served_times),
        'handleTimeMean': sum(served_times) / len(served_times),
        'zeroHandleTimes': len(served_times) - len(positive),
        'lognormalMu': mu,
        'lognormalSigma': sigma,
        'queued': len(waits),
        'abandonedInQueue': k,
        'totalWaitSec': total_wait,
        'exponentialPatienceMean': total_wait / k,
        'kaplanMeierMedian': median,
        'pAbandonGivenQueued': k / len(waits),
        'callsPerDay': daily,
        'dayFactorCv': cv,
    }, indent=2))


if __name__ == '__main__':
    main(sys.argv[1])
