#!/usr/bin/env bash
# Adds a migration NAME for both providers (each provider keeps its own generated set).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/Rapport"
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --context "${provider}RapportDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Rapport.Data.Migrations.$provider"
  # dotnet-ef places the snapshot by namespace under ./Rapport/…; keep it beside its migrations.
  if [ -d "Rapport/Data/Migrations/$provider" ]; then
    mv "Rapport/Data/Migrations/$provider/"*.cs "Data/Migrations/$provider/"
  fi
done
rm -rf Rapport
