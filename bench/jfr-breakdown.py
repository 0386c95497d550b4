#!/usr/bin/env python3
"""Where a JVM's CPU went, from a JFR recording's execution samples (jdk.ExecutionSample: threads running Java code).

Prints the share of samples per library by *self* time (the innermost frame that is not plain JDK code decides: a
HashMap.get called by Reactor counts for Reactor), the hottest frames, and the innermost Shopflow frames; with
--collapsed FILE also writes the samples as collapsed stacks, which async-profiler's converter turns into a flame graph:
  java -jar jfr-converter-4.1.jar FILE flame.html     (tools.profiler:jfr-converter on Maven Central)

Usage: bench/jfr-breakdown.py RECORDING.jfr [--collapsed FILE]   (needs the JDK's `jfr` tool: JAVA_HOME or the PATH)
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys

LIBRARIES = [
    ('context propagation (Reactor automatic mode, Micrometer context-propagation)',
     r'io\.micrometer\.context|ContextPropagation|RestoringThreadLocals|ThreadLocalAccessor'
     r'|InnerOperator\.currentContext|reactor\.util\.context|FluxContextWrite|Scannable'),
    ('tracing and observations (Brave, Micrometer Tracing/Observation)', r'^brave\.|io\.micrometer\.tracing|io\.micrometer\.observation'),
    ('metrics (Micrometer core, Prometheus)', r'io\.micrometer\.core|io\.prometheus'),
    ('logging (Logback, SLF4J)', r'ch\.qos\.logback|org\.slf4j'),
    ('JWT and Spring Security', r'com\.nimbusds|org\.springframework\.security'),
    ('JSON (Jackson)', r'jackson'),
    ('Kafka broker', r'^kafka\.|org\.apache\.kafka\.(storage|server|raft|metadata|controller|coordinator|image|network)'),
    ('Kafka client (and Spring for Kafka)', r'org\.apache\.kafka|org\.springframework\.kafka'),
    ('R2DBC PostgreSQL driver', r'io\.r2dbc'),
    ('Spring Data R2DBC, transactions', r'org\.springframework\.(data|r2dbc|transaction)'),
    ('Spring Cloud Gateway', r'org\.springframework\.cloud\.gateway'),
    ('Spring (web, core)', r'org\.springframework'),
    ('Netty, Reactor Netty', r'^io\.netty|^reactor\.netty'),
    ('Reactor core', r'^reactor\.'),
    ('Shopflow', r'^dev\.shopflow'),
    ('other libraries (Scala, ...)', r'.'),
]


def main(arguments):
    if not arguments or arguments[0] in ('-h', '--help'):
        print(__doc__)
        return 0 if arguments else 2
    recording = arguments[0]
    collapsed = arguments[arguments.index('--collapsed') + 1] if '--collapsed' in arguments else None
    jfr = os.path.join(os.environ['JAVA_HOME'], 'bin', 'jfr') if os.environ.get('JAVA_HOME') else shutil.which('jfr')
    printed = subprocess.run([jfr, 'print', '--json', '--stack-depth', '512', '--events', 'jdk.ExecutionSample', recording],
                             capture_output=True, text=True, check=True).stdout
    events = json.loads(printed)['recording']['events']
    if not events:
        print(f'{recording}: no execution samples')
        return 1
    by_library, hottest, shopflow, stacks = (collections.Counter() for _ in range(4))
    for event in events:
        frames = [f"{frame['method']['type']['name'].replace('/', '.')}.{frame['method']['name']}"
                  for frame in (event['values'].get('stackTrace') or {}).get('frames', [])]
        hottest[frames[0] if frames else '?'] += 1
        own = next((frame for frame in frames if not re.match(r'(java|javax|jdk|sun)\.', frame)), None)
        by_library['JDK only' if own is None else next(name for name, pattern in LIBRARIES if re.search(pattern, own))] += 1
        innermost_shopflow = next((frame for frame in frames if frame.startswith('dev.shopflow')), None)
        if innermost_shopflow:
            shopflow[re.sub(r'\$\$Lambda.*', '$$Lambda', innermost_shopflow)] += 1
        stacks[';'.join(reversed(frames))] += 1
    total = len(events)
    print(f'{recording}: {total} execution samples')
    print('  self time by library (innermost non-JDK frame):')
    for name, count in by_library.most_common():
        print(f'    {100 * count / total:5.1f} %  {name}')
    print('  hottest frames (self):')
    for name, count in hottest.most_common(12):
        print(f'    {100 * count / total:5.1f} %  {name}')
    print('  innermost Shopflow frame (inclusive: the Shopflow code the time was spent under):')
    for name, count in shopflow.most_common(12):
        print(f'    {100 * count / total:5.1f} %  {name}')
    if collapsed:
        with open(collapsed, 'w') as out:
            for stack, count in stacks.items():
                out.write(f'{stack} {count}\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
