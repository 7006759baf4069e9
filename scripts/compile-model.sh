#!/usr/bin/env bash
# Writes the EF Core compiled models (src/Rapport/Data/CompiledModels/<provider>) afresh from the entity classes and
# their configuration. Run it after any change to the model; scripts/add-migration.sh runs it for you, and
# CompiledModelTests fails while a compiled model differs from the model the code builds.
set -euo pipefail
cd "$(dirname "$0")/../src/Rapport"
dotnet tool restore >/dev/null
# Built without the old compiled models, which may no longer compile against the changed entities.
dotnet build -v q --nologo -p:RapportCompiledModel=false >/dev/null
for provider in Sqlite PostgreSql; do
  rm -rf "Data/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --context "${provider}RapportDbContext" \
    --output-dir "Data/CompiledModels/$provider" --namespace "Rapport.Data.CompiledModels.$provider" >/dev/null
done
rm -rf Rapport
# The next ordinary build includes them again.
dotnet build -v q --nologo >/dev/null
echo "Compiled models written to src/Rapport/Data/CompiledModels."
