namespace Rapport.Features.People;

public enum Role { Agent, TeamLead, Manager, Admin, Customer }

/// <summary>Policy names, one per audience, so endpoints say who may call them in words.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string Supervisors = "supervisors";
    /// <summary>Managers and admins: they set the service offer, service levels and policies.</summary>
    public const string Managers = "managers";
    public const string Admins = "admins";
    public const string Anyone = "anyone";
    /// <summary>A token scoped to mail intake, or an admin.</summary>
    public const string MailIntake = "mail_intake";

    public static bool IsStaff(this Role role) => role is not Role.Customer;
}
