using System.Collections.Frozen;

namespace BzPeer.Resolve;

/// <summary>
/// Folds accented Latin letters to ASCII ("É" → "e", "ß" → "ss"). The build runs with invariant globalization,
/// where string.Normalize does not decompose, so the fold is a table of its own: Latin-1, Latin Extended-A and
/// the common Extended-B and Vietnamese letters. Combining marks in already-decomposed text are dropped by the caller.
/// </summary>
internal static class LatinFold
{
    private static readonly FrozenDictionary<char, string> Table = Build();

    public static bool TryFold(char c, out string folded) => Table.TryGetValue(c, out folded!);

    private static FrozenDictionary<char, string> Build()
    {
        var groups = new (string Letters, string Ascii)[]
        {
            ("ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦȺḀẠẢẤẦẨẪẬẮẰẲẴẶàáâãäåāăąǎǟǡǻȁȃȧⱥḁạảấầẩẫậắằẳẵặ", "a"),
            ("ÆǢǼæǣǽ", "ae"),
            ("ḂḄḆɃƁḃḅḇƀɓ", "b"),
            ("ÇĆĈĊČƇȻḈçćĉċčƈȼḉ", "c"),
            ("ĎĐƊƋḊḌḎḐḒďđɗƌḋḍḏḑḓðÐ", "d"),
            ("ÈÉÊËĒĔĖĘĚȄȆȨɆḔḖḘḚḜẸẺẼẾỀỂỄỆèéêëēĕėęěȅȇȩɇḕḗḙḛḝẹẻẽếềểễệ", "e"),
            ("Ḟƒḟ", "f"),
            ("ĜĞĠĢǤǦǴḠĝğġģǥǧǵḡ", "g"),
            ("ĤĦȞḢḤḦḨḪĥħȟḣḥḧḩḫẖ", "h"),
            ("ÌÍÎÏĨĪĬĮİǏȈȊḬḮỈỊìíîïĩīĭįıǐȉȋḭḯỉị", "i"),
            ("Ĳĳ", "ij"),
            ("Ĵĵǰ", "j"),
            ("ĶǨḰḲḴķǩḱḳḵĸ", "k"),
            ("ĹĻĽĿŁȽḶḸḺḼĺļľŀłƚḷḹḻḽ", "l"),
            ("ḾṀṂḿṁṃ", "m"),
            ("ÑŃŅŇǸṄṆṈṊñńņňŉǹṅṇṉṋŋŊ", "n"),
            ("ÒÓÔÕÖØŌŎŐƠǑǪǬǾȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢòóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ", "o"),
            ("Œœ", "oe"),
            ("ṔṖṕṗ", "p"),
            ("ŔŖŘȐȒɌṘṚṜṞŕŗřȑȓɍṙṛṝṟ", "r"),
            ("ŚŜŞŠȘṠṢṤṦṨśŝşšșṡṣṥṧṩſ", "s"),
            ("ß", "ss"),
            ("ŢŤŦȚȾṪṬṮṰţťŧțṫṭṯṱẗ", "t"),
            ("Þþ", "th"),
            ("ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖɄṲṴṶṸṺỤỦỨỪỬỮỰùúûüũūŭůűųưǔǖǘǚǜȕȗʉṳṵṷṹṻụủứừửữự", "u"),
            ("ṼṾṽṿ", "v"),
            ("ŴẀẂẄẆẈŵẁẃẅẇẉẘ", "w"),
            ("ẊẌẋẍ", "x"),
            ("ÝŶŸȲɎẎỲỴỶỸýÿŷȳɏẏỳỵỷỹẙ", "y"),
            ("ŹŻŽƵȤẐẒẔźżžƶȥẑẓẕ", "z"),
        };
        var table = new Dictionary<char, string>();
        foreach (var (letters, ascii) in groups)
        {
            foreach (var letter in letters)
            {
                table[letter] = ascii;
            }
        }

        return table.ToFrozenDictionary();
    }
}
