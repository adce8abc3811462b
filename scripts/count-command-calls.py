#!/usr/bin/env python3
"""Counts the shell's IPC commands whose body makes more than one call into the core,
the app layer or a decoder (a heuristic over src-tauri/commands/*.rs: a command that grows
past one call is logic in the wrong room). Usage: scripts/count-command-calls.py [DIR]"""
import os
import re
import sys

d=sys.argv[1] if len(sys.argv) > 1 else "src-tauri/commands"
pat=re.compile(r'\b(app|shop|settings|sample|community|write|read|health|member_counts|staff|channel|qr_source|qr_watch|poster|posters|poster_files|gift|voucher|vouchers|voucher_files|schedule|content|reminder|qr|upload|calendar|ics|core_files|shopcircle_print::qr_import|base64::engine::general_purpose::STANDARD|shopcircle_app::calendar|DateTime)::[a-zA-Z_]+\(|\.decode\(|\bchecked_logo\(|\breplace_code\(|\bwrite\(|\bwrite_atomically\(')
total=0;multi=[]
for f in sorted(os.listdir(d)):
    if not f.endswith('.rs') or f in ('mod.rs','files.rs'): continue
    s=open(os.path.join(d,f)).read()
    parts=s.split('#[tauri::command]')[1:]
    for p in parts:
        name=re.search(r'fn (\w+)',p).group(1)
        body=p[p.index('{'):]
        # stop at next top-level fn
        m=re.search(r'\n}\n',body); body=body[:m.start()] if m else body
        n=len(pat.findall(body))
        total+=1
        if n>1: multi.append((name,n))
print(f"{total} commands; {len(multi)} with more than one call into the core, the app layer or a decoder:")
print(", ".join(f"{a} ({b})" for a,b in multi))
