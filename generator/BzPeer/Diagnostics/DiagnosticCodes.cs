namespace BzPeer.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Never renumber: users search for them and CI logs quote them.
/// BZP0xx site and configuration, BZP1xx content files, BZP2xx references, BZP3xx templates, BZP4xx output.
/// </summary>
public static class DiagnosticCodes
{
    public const string SiteNotFound = "BZP001";
    public const string ConfigSyntax = "BZP010";
    public const string ConfigUnknownKey = "BZP011";
    public const string ConfigWrongType = "BZP012";
    public const string ConfigInvalidValue = "BZP013";

    public const string YamlSyntax = "BZP101";
    public const string UnterminatedFrontMatter = "BZP102";
    public const string TabIndentation = "BZP103";
    public const string InvalidUtf8 = "BZP104";
    public const string DuplicateId = "BZP105";
    public const string InvalidFileName = "BZP106";
    public const string MissingRequiredKey = "BZP107";
    public const string WrongType = "BZP108";
    public const string UnknownPublicationType = "BZP109";
    public const string InvalidOrcid = "BZP110";
    public const string UnsafeLink = "BZP111";
    public const string UnsupportedYaml = "BZP112";
    public const string FileTooLarge = "BZP113";
    public const string UnexpectedFile = "BZP114";
    public const string MissingFrontMatter = "BZP115";
    public const string InvalidDate = "BZP116";
    public const string UnreadableFile = "BZP117";
    public const string InvalidValue = "BZP118";
    public const string SchemaViolation = "BZP119";

    public const string UnknownAuthorId = "BZP201";
    public const string UnknownAffiliationId = "BZP202";
    public const string DerivedInstitution = "BZP203";
    public const string DerivedTopic = "BZP204";
    public const string UnknownTopicId = "BZP205";
    public const string DuplicateAuthor = "BZP206";
    public const string DuplicateIdentifier = "BZP207";

    public const string TemplateSyntax = "BZP301";
    public const string TemplateRuntime = "BZP302";
    public const string TemplateNotFound = "BZP303";

    public const string OutputWrite = "BZP401";
    public const string OutputCheck = "BZP402";
}
