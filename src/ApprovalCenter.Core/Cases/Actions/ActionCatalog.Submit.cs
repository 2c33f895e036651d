namespace ApprovalCenter.Cases.Actions;

public static partial class ActionCatalog
{
    /// <summary>
    /// The application form: what an applicant may declare when applying, through the portal or
    /// the API. Materials and the signed declaration travel beside it and are checked by the
    /// handler against the item; everything else (department, mode facts, periods) the server owns.
    /// </summary>
    public static readonly ActionDescriptor Submit = new("submit", "提交申请", "Submit", "提交申请", ApplicantOnly,
    [
        InputSpec.Text("applicantName", "申请人名称", "Applicant", "请填写申请人名称", maxLength: 100),
        InputSpec.Text("applicantCode", "统一社会信用代码或身份证号码", "Credit code or ID number", "请填写统一社会信用代码或身份证号码", maxLength: 30),
        InputSpec.Text("applicantContact", "联系人", "Contact person", "请填写联系人", maxLength: 50),
        InputSpec.Text("applicantPhone", "联系电话", "Phone", "请填写联系电话", maxLength: 30),
        InputSpec.Text("applicantAddress", "通讯地址", "Address", "请填写通讯地址"),
        InputSpec.Text("projectName", "项目名称", "Project name", "请填写项目名称"),
        InputSpec.Text("projectLocation", "建设地点", "Project location", "请填写建设地点"),
        InputSpec.Long("projectDescription", "项目简介", "Project description", "请填写项目简介", required: false),
        // The joint review forks on these: the applicant declares which departments the project touches.
        InputSpec.Bool("needsCivilAirDefence", "涉及人防工程", "Involves civil air defence", "请说明是否涉及人防工程"),
        InputSpec.Bool("needsWater", "涉及水务", "Involves water", "请说明是否涉及水务"),
        InputSpec.Bool("needsEnvironment", "涉及环保", "Involves environment", "请说明是否涉及环保"),
    ], Partial: "_Applicant", CaseOnly: true);

    /// <summary>The answers of <see cref="Submit"/> that the engine routes on; the rest stay in the applicant's data only.</summary>
    public static readonly IReadOnlyList<string> RoutingAnswers = ["needsCivilAirDefence", "needsWater", "needsEnvironment"];

    /// <summary>The label of a declared or recorded case data key, for the case file.</summary>
    public static string DataLabel(string key, bool english = false)
    {
        if ((Submit.Input(key) ?? Find(ChooseDelivery)!.Input(key)) is { } spec) return english ? spec.LabelEn : spec.Label;
        foreach (var d in All)
            if (d.Input(key) is { } s) return english ? s.LabelEn : s.Label;
        return key;
    }
}
