namespace Rapport.Features.Customers;

public static class CustomerLimits
{
    public const int NameLength = 200;
    public const int EmailLength = 254;
    public const int PhoneLength = 40;
    public const int PhoneLabelLength = 40;
    public const int LanguageLength = 35;
    public const int NotesLength = 4000;
    public const int EmailsPerCustomer = 20;
    public const int PhonesPerCustomer = 20;
    public const int DomainLength = 253;
    public const int DomainsPerOrganisation = 50;
}
