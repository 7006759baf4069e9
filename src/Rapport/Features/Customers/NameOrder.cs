namespace Rapport.Features.Customers;

/// <summary>
/// Name-then-id order and keyset paging for customers and organisations. The redundant
/// "name ≥ last name" is what lets the (Name, Id) index seek to the cursor: planners do not
/// seek on "name > x OR (name = x AND id > y)" alone, and would scan from the first row.
/// </summary>
internal static class NameOrder
{
    public static IOrderedQueryable<Customer> ByName(this IQueryable<Customer> customers) => customers.OrderBy(c => c.Name).ThenBy(c => c.Id);

    public static IOrderedQueryable<Organisation> ByName(this IQueryable<Organisation> organisations) =>
        organisations.OrderBy(o => o.Name).ThenBy(o => o.Id);

    public static IQueryable<Customer> After(this IQueryable<Customer> customers, NameCursor last) =>
        customers.Where(c => string.Compare(c.Name, last.Name) >= 0 && (string.Compare(c.Name, last.Name) > 0 || c.Id > last.Id));

    public static IQueryable<Organisation> After(this IQueryable<Organisation> organisations, NameCursor last) =>
        organisations.Where(o => string.Compare(o.Name, last.Name) >= 0 && (string.Compare(o.Name, last.Name) > 0 || o.Id > last.Id));
}
