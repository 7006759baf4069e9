namespace Rapport.Features.Routing;

public static class RoutingLimits
{
    public const int SkillValueLength = 64;
    public const int SkillsPerUser = 50;
    public const int AbsenceNoteLength = 1000;
}
