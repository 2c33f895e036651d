#!/usr/bin/env bash
# Runs EF Core's design-time tool (dotnet ef) against the app, e.g.
#   tools/ef.sh migrations add AddCases
# Microsoft.EntityFrameworkCore.Design lists two dependencies that our package mirror lacks
# (Mono.TextTemplating, Microsoft.VisualStudio.SolutionPersistence). Restore only needs them to
# exist, so this script writes two EMPTY local packages and enables the Design reference for this
# one invocation (EfDesign=true). Normal builds and CI never need them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FEED="${TMPDIR:-/tmp}/approvalcenter-ef-stubs"
mkdir -p "$FEED"
python3 - "$FEED" <<'PY'
import sys, zipfile, os
feed = sys.argv[1]
for pid, ver in [("Mono.TextTemplating", "3.0.0"), ("Microsoft.VisualStudio.SolutionPersistence", "1.0.52")]:
    path = f"{feed}/{pid.lower()}.{ver}.nupkg"
    if os.path.exists(path): continue
    nuspec = f'''<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata><id>{pid}</id><version>{ver}</version><authors>local-stub</authors>
  <description>Empty placeholder so EF Core Design restores from a partial mirror.</description>
  <dependencies><group targetFramework="net10.0" /></dependencies></metadata>
</package>'''
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(f"{pid}.nuspec", nuspec)
        z.writestr("lib/net10.0/_._", "")
PY
cd "$ROOT"
dotnet tool restore >/dev/null
export EfDesign=true RestoreAdditionalProjectSources="$FEED"
export ApprovalCenter__Database__ConnectionString="${ApprovalCenter__Database__ConnectionString:-Host=127.0.0.1;Port=55432;Database=approvalcenter_design;Username=postgres;Password=design}"
dotnet ef "$@" --project src/ApprovalCenter.Infrastructure --startup-project src/ApprovalCenter.Web
