using System.Globalization;
using System.Text.RegularExpressions;
using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>
/// Rules for the typed documents: risk registers and their risks, scoring matrices, document pages and people.
/// References resolve; a rating is probability × impact on the register's scales; a matrix's bands cover every
/// product once; a figure's printed value is in its quote and agrees with its plain number; a person's name is
/// in the quote that gives their role.
/// </summary>
public static partial class RegisterRules
{
    [GeneratedRegex(@"[0-9][0-9,]*(\.[0-9]+)?")]
    private static partial Regex Digits();

    public static void Validate(Evidence evidence, DiagnosticBag diagnostics)
    {
        var sources = evidence.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var entries = evidence.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var organisations = evidence.Organisations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var registers = evidence.Registers.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var matrices = evidence.Matrices.ToDictionary(m => m.Id, StringComparer.Ordinal);

        void Unknown(ContentRef reference, IReadOnlySet<string> known, string code, string what, string folder, string extension)
        {
            // An empty id stands in for a reference that could not be read (see IReadInPart): reported where it is.
            if (reference.Id.Length == 0 || known.Contains(reference.Id)) return;
            var at = reference.Location;
            diagnostics.Error(code, at, $"unknown {what} '{reference.Id}': {References.WhyUnknown(evidence, folder, reference.Id, extension, known)}");
        }
        void Source(ContentRef? reference)
        {
            if (reference is not null) Unknown(reference, sources, DiagnosticCodes.UnknownSource, "source", "sources", ".yml");
        }
        void Entry(ContentRef reference) => Unknown(reference, entries, DiagnosticCodes.UnknownEntry, "entry", "entries", ".md");

        foreach (var matrix in evidence.Matrices)
        {
            Source(matrix.QuotedFrom);
            CheckBands(matrix, diagnostics);
        }

        foreach (var register in evidence.Registers)
        {
            Source(register.Source);
            Source(register.QuotedFrom);
            Source(register.AnnotationSource);
            if (register.Matrix is { } matrix)
                Unknown(matrix, matrices.Keys.ToHashSet(StringComparer.Ordinal), DiagnosticCodes.UnknownMatrix, "scoring matrix", "matrices", ".yml");
            CheckLabel(register.UpdatedLabel, register.Updated, register.Location, diagnostics);
        }

        foreach (var risk in evidence.Risks)
        {
            foreach (var reference in risk.Entries) Entry(reference);
            foreach (var reference in risk.Sources) Source(reference);
            foreach (var annotation in risk.Annotations)
            {
                foreach (var document in annotation.Documents) Source(document);
            }
            CheckLabel(risk.IdentifiedLabel, risk.Identified, risk.IdentifiedLocation ?? risk.Location, diagnostics);

            var at = risk.ScoresLocation ?? risk.Location;
            if (!registers.TryGetValue(risk.Register.Id, out var register))
            {
                Unknown(risk.Register, registers.Keys.ToHashSet(StringComparer.Ordinal), DiagnosticCodes.UnknownRegister, "register", "registers", ".md");
            }
            else if (register.Matrix is { } m && matrices.TryGetValue(m.Id, out var matrix))
            {
                if (risk.Probability is { } p && matrix.Probability.All(l => l.Score != p))
                    diagnostics.Error(DiagnosticCodes.ScoreOutOfScale, at,
                        $"probability {p} is not on the scale of '{matrix.Id}' ({string.Join(", ", matrix.Probability.Select(l => l.Score))})");
                if (risk.Impact is { } i && matrix.Impact.All(l => l.Score != i))
                    diagnostics.Error(DiagnosticCodes.ScoreOutOfScale, at,
                        $"impact {i} is not on the scale of '{matrix.Id}' ({string.Join(", ", matrix.Impact.Select(l => l.Score))})");
            }
            if (risk.Probability is { } probability && risk.Impact is { } impact && risk.Rating is { } rating && probability * impact != rating)
                diagnostics.Error(DiagnosticCodes.RatingMismatch, at,
                    $"rating {rating} is not probability × impact ({probability} × {impact} = {probability * impact}); check all three against the document");
        }

        foreach (var document in evidence.Documents)
        {
            Source(document.Source);
            Source(document.QuotedFrom);
            foreach (var reference in document.Entries) Entry(reference);
            foreach (var reference in document.ItemSources()) Source(reference);
            CheckLabel(document.DateLabel, document.Date, document.DateLocation ?? document.Location, diagnostics);
            foreach (var figure in document.Figures) CheckFigure(figure, diagnostics);
        }

        foreach (var person in evidence.People)
        {
            foreach (var reference in person.Entries) Entry(reference);
            foreach (var role in person.Roles)
            {
                Source(role.Source);
                if (role.Organisation is { } organisation)
                    Unknown(organisation, organisations, DiagnosticCodes.UnknownOrganisation, "organisation", "organisations", ".yml");
                if (!person.Unread && !NormalisedText.Of(role.Quote.Text).Value.Contains(NormalisedText.Of(person.Name).Value, StringComparison.Ordinal))
                {
                    var at = role.Quote.Location;
                    diagnostics.Error(DiagnosticCodes.NameNotInQuote, at,
                        $"the quote for the role '{role.Role}' does not contain the name '{person.Name}'");
                }
            }
        }
    }

    private static void CheckBands(RiskMatrix matrix, DiagnosticBag diagnostics)
    {
        var products = matrix.Probability.SelectMany(p => matrix.Impact.Select(i => p.Score * i.Score)).ToHashSet();
        var seen = new Dictionary<int, string>();
        foreach (var band in matrix.Bands)
        {
            foreach (var rating in band.Ratings)
            {
                var at = band.Location;
                if (!products.Contains(rating))
                    diagnostics.Error(DiagnosticCodes.MatrixBandsInvalid, at,
                        $"band '{band.Label}' lists {rating}, which no probability × impact on this matrix gives");
                else if (!seen.TryAdd(rating, band.Label))
                    diagnostics.Error(DiagnosticCodes.MatrixBandsInvalid, at,
                        $"rating {rating} is in band '{band.Label}' and also in band '{seen[rating]}'");
            }
        }
        var missing = products.Where(p => !seen.ContainsKey(p)).Order().ToList();
        if (missing.Count > 0 && matrix.Bands.Count > 0)
            diagnostics.Error(DiagnosticCodes.MatrixBandsInvalid, matrix.Location,
                $"no band covers the rating(s) {string.Join(", ", missing)}");
    }

    private static void CheckFigure(DocumentFigure figure, DiagnosticBag diagnostics)
    {
        var value = figure.ValueLocation ?? figure.Location;
        if (!NormalisedText.Of(figure.Quote.Text).Value.Contains(NormalisedText.Of(figure.Value).Value, StringComparison.Ordinal))
            diagnostics.Error(DiagnosticCodes.FigureNotInQuote, value,
                $"the figure '{figure.Value}' is not in its quote \"{figure.Quote.Text}\"");
        if (figure.Number is not { } number) return;
        var digits = Digits().Match(figure.Value);
        if (!digits.Success) return; // a value in words ("two years"): nothing to compare
        if (!decimal.TryParse(digits.Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var printed))
        {
            diagnostics.Error(DiagnosticCodes.FigureNumberMismatch, value,
                $"the printed value '{figure.Value}' has more digits than can be compared with 'number'; leave 'number' out and say why in 'note'");
            return;
        }
        if (printed != number)
        {
            var at = figure.NumberLocation ?? figure.Location;
            diagnostics.Error(DiagnosticCodes.FigureNumberMismatch, at,
                $"'number: {number.ToString(CultureInfo.InvariantCulture)}' does not match the printed value '{figure.Value}' ({printed.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    private static void CheckLabel(string? label, EdtfDate? date, ContentLocation at, DiagnosticBag diagnostics)
    {
        if (label is null || date is null || LabelPrecision.Allows(label, date)) return;
        diagnostics.Error(DiagnosticCodes.OverPreciseDate, at,
            $"the date '{date}' is more precise than its label '{label}'; never make a date more precise than its source");
    }
}
