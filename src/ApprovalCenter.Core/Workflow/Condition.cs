using System.Globalization;
using System.Text;

namespace ApprovalCenter.Workflow;

/// <summary>
/// A tiny, safe condition language over the flat case data bag: comparisons (== != &lt; &lt;= &gt; &gt;=),
/// and/or/not (also &amp;&amp; || !), parentheses, numbers, 'strings', true/false/null and data keys.
/// It is parsed once into closures, never evaluated by reflection or eval, so a definition or an
/// exemption rule edited by an administrator can read case data but can do nothing else.
/// A missing key reads as null; ordering against null or across types is simply false.
/// </summary>
public sealed class Condition
{
    private readonly Func<IReadOnlyDictionary<string, object?>, object?> _eval;

    private Condition(string text, Func<IReadOnlyDictionary<string, object?>, object?> eval, IReadOnlyList<string> keys)
    { Text = text; _eval = eval; Keys = keys; }

    public string Text { get; }

    /// <summary>The data keys the condition reads, for documentation and validation.</summary>
    public IReadOnlyList<string> Keys { get; }

    public bool Evaluate(IReadOnlyDictionary<string, object?> data) => IsTruthy(_eval(data));

    /// <summary>Parses a condition; on failure returns null and a Chinese message with the position.</summary>
    public static Condition? TryParse(string text, out string? error)
    {
        try
        {
            var parser = new Parser(text);
            var eval = parser.ParseAll();
            error = null;
            return new Condition(text, eval, parser.Keys.Distinct().ToList());
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    public static bool IsTruthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };

    private static bool ValuesEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (decimal x, decimal y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => false,
    };

    private static int? Order(object? a, object? b) => (a, b) switch
    {
        (decimal x, decimal y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => null,
    };

    private sealed class Parser(string text)
    {
        private int _pos;
        public List<string> Keys { get; } = [];

        public Func<IReadOnlyDictionary<string, object?>, object?> ParseAll()
        {
            if (string.IsNullOrWhiteSpace(text)) throw Error("条件表达式不能为空");
            var e = ParseOr();
            SkipSpace();
            if (_pos < text.Length) throw Error($"无法识别的内容“{text[_pos..]}”");
            return e;
        }

        private Func<IReadOnlyDictionary<string, object?>, object?> ParseOr()
        {
            var left = ParseAnd();
            while (TryWord("or") || TrySymbol("||"))
            {
                var l = left; var r = ParseAnd();
                left = d => IsTruthy(l(d)) || IsTruthy(r(d));
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, object?>, object?> ParseAnd()
        {
            var left = ParseNot();
            while (TryWord("and") || TrySymbol("&&"))
            {
                var l = left; var r = ParseNot();
                left = d => IsTruthy(l(d)) && IsTruthy(r(d));
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, object?>, object?> ParseNot()
        {
            if (TryWord("not") || (Peek('!') && !PeekAt(1, '=') && TrySymbol("!")))
            {
                var inner = ParseNot();
                return d => !IsTruthy(inner(d));
            }
            return ParseComparison();
        }

        private Func<IReadOnlyDictionary<string, object?>, object?> ParseComparison()
        {
            var left = ParsePrimary();
            foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
            {
                if (!TrySymbol(op)) continue;
                var l = left; var r = ParsePrimary();
                return op switch
                {
                    "==" => d => ValuesEqual(l(d), r(d)),
                    "!=" => d => !ValuesEqual(l(d), r(d)),
                    "<" => d => Order(l(d), r(d)) is < 0,
                    "<=" => d => Order(l(d), r(d)) is <= 0,
                    ">" => d => Order(l(d), r(d)) is > 0,
                    _ => d => Order(l(d), r(d)) is >= 0,
                };
            }
            return left;
        }

        private Func<IReadOnlyDictionary<string, object?>, object?> ParsePrimary()
        {
            SkipSpace();
            if (_pos >= text.Length) throw Error("表达式意外结束");
            var c = text[_pos];
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                if (!TrySymbol(")")) throw Error("缺少右括号“)”");
                return inner;
            }
            if (c is '\'' or '"') { var s = ReadString(c); return _ => s; }
            if (char.IsAsciiDigit(c) || (c == '-' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])))
            {
                var start = _pos++;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] == '.')) _pos++;
                if (!decimal.TryParse(text[start.._pos], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                    throw Error($"无效的数字“{text[start.._pos]}”");
                object boxed = n;
                return _ => boxed;
            }
            if (IsIdentStart(c))
            {
                var start = _pos;
                while (_pos < text.Length && IsIdentPart(text[_pos])) _pos++;
                var word = text[start.._pos];
                switch (word)
                {
                    case "true": { object t = true; return _ => t; }
                    case "false": { object f = false; return _ => f; }
                    case "null": return _ => null;
                    case "and" or "or" or "not": _pos = start; throw Error($"“{word}”前缺少操作数");
                }
                Keys.Add(word);
                return d => d.TryGetValue(word, out var v) ? v : null;
            }
            throw Error($"无法识别的字符“{c}”");
        }

        private string ReadString(char quote)
        {
            var sb = new StringBuilder();
            _pos++;
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length) _pos++;
                sb.Append(text[_pos++]);
            }
            if (_pos >= text.Length) throw Error("字符串缺少结束引号");
            _pos++;
            return sb.ToString();
        }

        private static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_';
        private static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-';

        private void SkipSpace() { while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++; }
        private bool Peek(char c) { SkipSpace(); return _pos < text.Length && text[_pos] == c; }
        private bool PeekAt(int offset, char c) => _pos + offset < text.Length && text[_pos + offset] == c;

        private bool TrySymbol(string s)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, s, 0, s.Length) != 0) return false;
            _pos += s.Length;
            return true;
        }

        private bool TryWord(string w)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, w, 0, w.Length) != 0) return false;
            var end = _pos + w.Length;
            if (end < text.Length && IsIdentPart(text[end])) return false;
            _pos = end;
            return true;
        }

        private FormatException Error(string reason) => new($"条件表达式第{_pos + 1}个字符处：{reason}（表达式：{text}）");
    }
}
