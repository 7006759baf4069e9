using Microsoft.EntityFrameworkCore;
using Rapport.Data;
using Rapport.Features.Access;
using Rapport.Features.Audit;
using Rapport.Infrastructure.Problems;

namespace Rapport.Features.Knowledge;

/// <summary>Categories and sections, in their order: the shelves of the knowledge base and the help centre.</summary>
public sealed class ReadShelves(RapportDbContext db)
{
    public Task<List<CategoryDto>> CategoriesAsync(CancellationToken ct) =>
        db.KbCategories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => new CategoryDto(c.Id, c.Name, c.Description, c.Position)).ToListAsync(ct);

    public Task<List<SectionDto>> SectionsAsync(long? categoryId, CancellationToken ct) =>
        db.KbSections.AsNoTracking().Where(s => categoryId == null || s.CategoryId == categoryId)
            .OrderBy(s => s.CategoryId).ThenBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new SectionDto(s.Id, s.CategoryId, s.Name, s.Description, s.Position)).ToListAsync(ct);

    public async Task<Result<CategoryDto>> CategoryAsync(long id, CancellationToken ct) =>
        await db.KbCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? CategoryDto.Of(c) : new CategoryNotFound(id);

    public async Task<Result<SectionDto>> SectionAsync(long id, CancellationToken ct) =>
        await db.KbSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? SectionDto.Of(s) : new SectionNotFound(id);
}

/// <summary>Adds, renames, reorders and removes categories (managers and admins); one holding sections is kept.</summary>
public sealed class SaveCategory(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> CreateAsync(CategoryRequest request, Actor actor, CancellationToken ct)
    {
        if (Check(request) is { IsValid: false } check) return check.ToError();
        var position = request.Position ?? (await db.KbCategories.MaxAsync(c => (int?)c.Position, ct) ?? 0) + 1;
        var category = new KbCategory { Name = request.Name!.Trim(), Description = Shelf.Blank(request.Description), Position = position, CreatedAt = clock.GetUtcNow() };
        return await db.InTransactionAsync(async () =>
        {
            db.KbCategories.Add(category);
            await db.SaveChangesAsync(ct);
            audit.Record(actor, KbAudit.Category, KbAudit.Id(category.Id), "created", AuditChanges.FromEntry(db.Entry(category), nameof(KbCategory.Id), nameof(KbCategory.CreatedAt)));
            await db.SaveChangesAsync(ct);
            return (Result<long>)category.Id;
        }, ct);
    }

    public async Task<Result<long>> UpdateAsync(long id, CategoryRequest request, Actor actor, CancellationToken ct)
    {
        if (await db.KbCategories.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } category) return new CategoryNotFound(id);
        if (Check(request) is { IsValid: false } check) return check.ToError();
        (category.Name, category.Description, category.Position) = (request.Name!.Trim(), Shelf.Blank(request.Description), request.Position ?? category.Position);
        return await Shelf.SaveAsync(db, audit, actor, KbAudit.Category, id, category, ct);
    }

    public async Task<Result<long>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (await db.KbCategories.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } category) return new CategoryNotFound(id);
        if (await db.KbSections.AnyAsync(s => s.CategoryId == id, ct)) return new ShelfNotEmpty("Move or delete the category's sections first.");
        return await Shelf.DeleteAsync(db, audit, actor, KbAudit.Category, id, category, category.Name, ct);
    }

    private static Validator Check(CategoryRequest request) => new Validator()
        .Required("name", request.Name, KbLimits.NameLength)
        .Text("description", request.Description, KbLimits.DescriptionLength, multiline: true);
}

/// <summary>Adds, changes, moves and removes sections (managers and admins); one holding articles is kept.</summary>
public sealed class SaveSection(RapportDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<long>> CreateAsync(SectionRequest request, Actor actor, CancellationToken ct)
    {
        if (await CheckAsync(request, ct) is { IsValid: false } check) return check.ToError();
        var categoryId = request.CategoryId!.Value;
        var position = request.Position ?? (await db.KbSections.Where(s => s.CategoryId == categoryId).MaxAsync(s => (int?)s.Position, ct) ?? 0) + 1;
        var section = new KbSection
        {
            CategoryId = categoryId, Name = request.Name!.Trim(), Description = Shelf.Blank(request.Description), Position = position, CreatedAt = clock.GetUtcNow(),
        };
        return await db.InTransactionAsync(async () =>
        {
            db.KbSections.Add(section);
            await db.SaveChangesAsync(ct);
            audit.Record(actor, KbAudit.Section, KbAudit.Id(section.Id), "created", AuditChanges.FromEntry(db.Entry(section), nameof(KbSection.Id), nameof(KbSection.CreatedAt)));
            await db.SaveChangesAsync(ct);
            return (Result<long>)section.Id;
        }, ct);
    }

    public async Task<Result<long>> UpdateAsync(long id, SectionRequest request, Actor actor, CancellationToken ct)
    {
        if (await db.KbSections.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } section) return new SectionNotFound(id);
        if (await CheckAsync(request, ct) is { IsValid: false } check) return check.ToError();
        (section.CategoryId, section.Name, section.Description) = (request.CategoryId!.Value, request.Name!.Trim(), Shelf.Blank(request.Description));
        section.Position = request.Position ?? section.Position;
        return await Shelf.SaveAsync(db, audit, actor, KbAudit.Section, id, section, ct);
    }

    public async Task<Result<long>> DeleteAsync(long id, Actor actor, CancellationToken ct)
    {
        if (await db.KbSections.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } section) return new SectionNotFound(id);
        if (await db.KbArticles.AnyAsync(a => a.SectionId == id, ct)) return new ShelfNotEmpty("Move or delete the section's articles first.");
        return await Shelf.DeleteAsync(db, audit, actor, KbAudit.Section, id, section, section.Name, ct);
    }

    private async Task<Validator> CheckAsync(SectionRequest request, CancellationToken ct)
    {
        var check = new Validator()
            .Required("name", request.Name, KbLimits.NameLength)
            .Text("description", request.Description, KbLimits.DescriptionLength, multiline: true);
        if (request.CategoryId is not { } categoryId) check.Add("categoryId", "This field is required.");
        else if (!await db.KbCategories.AnyAsync(c => c.Id == categoryId, ct)) check.Add("categoryId", "No such category.");
        return check;
    }
}

/// <summary>What saving and deleting a category or a section have in common: the audit event in the same save.</summary>
internal static class Shelf
{
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static async Task<Result<long>> SaveAsync(RapportDbContext db, AuditLog audit, Actor actor, string type, long id, object shelf, CancellationToken ct)
    {
        var changes = AuditChanges.FromEntry(db.Entry(shelf));
        if (changes.IsEmpty) return id;
        audit.Record(actor, type, KbAudit.Id(id), "updated", changes);
        await db.SaveChangesAsync(ct);
        return id;
    }

    public static async Task<Result<long>> DeleteAsync(RapportDbContext db, AuditLog audit, Actor actor, string type, long id, object shelf, string name, CancellationToken ct)
    {
        db.Remove(shelf);
        audit.Record(actor, type, KbAudit.Id(id), "deleted", new AuditChanges().Set("name", name, null));
        await db.SaveChangesAsync(ct);
        return id;
    }
}
