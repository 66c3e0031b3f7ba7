#!/usr/bin/env python3
"""Print the SYNOPSIS section of docs/polcmp.1 from `polcmp --help` (the command table), for
pasting into the page when the commands or options change; tests/acceptance/man_page.sh checks
that the page and the help agree. Usage: scripts/man_synopsis.py build/polcmp"""
import re,subprocess,sys
out=subprocess.run([sys.argv[1],'--help'],capture_output=True,text=True).stdout
forms=[]
for line in out.split('\n\n')[0].splitlines():
    if line.startswith('usage: '): forms.append(line[7:].strip())
    elif line.startswith('       polcmp'): forms.append(line.strip())
    else: forms[-1]+=' '+line.strip()
def esc(t): return t.replace('-', '\\-')
lines=['.SH SYNOPSIS','.nh']
for k,f in enumerate(forms):
    if k: lines.append('.br')
    if f.startswith('polcmp help'):
        lines+=['.B polcmp help','.RI [ CMD ]','|','.B polcmp','.I CMD','.B \\-\\-help','|','.B polcmp \\-\\-version']
        continue
    toks=re.findall(r'\[[^\]]*\]|\S+',f)
    head=[toks.pop(0)]
    while toks and re.match(r'^[a-z]+$',toks[0]): head.append(toks.pop(0))
    lines.append('.B '+' '.join(head))
    i=0
    while i<len(toks):
        t=toks[i]
        if t.startswith('['):
            parts=t[1:-1].split(' ')
            if len(parts)==1: lines.append('.RB [ '+esc(parts[0])+' ]')
            else: lines+=['.RB [ '+esc(parts[0]), '.IR '+esc(parts[1])+' ]']
        elif t.startswith('-'):
            lines+=['.B '+esc(t), '.I '+esc(toks[i+1])]; i+=1
        elif '|' in t:
            lines.append('.IR '+' | '.join(esc(p) for p in t.split('|')))
        else:
            lines.append('.I '+esc(t))
        i+=1
lines.append('.hy')
print('\n'.join(lines))
