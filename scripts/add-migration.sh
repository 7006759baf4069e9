#!/usr/bin/env bash
# Adds a migration NAME for both providers (each provider keeps its own generated set), then writes the compiled
# models afresh, since the model changed.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
scripts=$(cd "$(dirname "$0")" && pwd)
cd "$scripts/../src/Rapport"
dotnet tool restore >/dev/null
# Built without the compiled models, which may no longer compile against the changed entities.
dotnet build -v q --nologo -p:RapportCompiledModel=false >/dev/null
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build --context "${provider}RapportDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Rapport.Data.Migrations.$provider"
  # dotnet-ef places the snapshot by namespace under ./Rapport/…; keep it beside its migrations.
  if [ -d "Rapport/Data/Migrations/$provider" ]; then
    mv "Rapport/Data/Migrations/$provider/"*.cs "Data/Migrations/$provider/"
  fi
done
rm -rf Rapport
"$scripts/compile-model.sh"
