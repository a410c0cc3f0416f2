namespace Chronology.Tests;

/// <summary>A whole small site: a register, matrix, risk, document page and person, with the archived text they quote.</summary>
internal static class DocumentFixtures
{
    public const string Files = """
        -- content/site.yml --
        title: T
        description: D
        -- content/entries/2020-register-updated.md --
        ---
        date: 2020-02
        label: February 2020
        title: Register updated
        citations:
          - source: bundle
        ---
        The register was updated.
        -- content/sources/bundle.yml --
        title: The bundle
        publisher: The Network
        type: foi-response
        date: 2021
        noUrlReason: The seeds give no URL.
        -- content/sources/register-doc.yml --
        title: The register as a document
        publisher: The Network
        type: other
        date: 2020-02
        noUrlReason: Part of the bundle.
        knownThrough: bundle
        -- content/sources/note-doc.yml --
        title: The note
        publisher: The Network
        type: other
        date: 2020-03
        noUrlReason: Part of the bundle.
        knownThrough: bundle
        -- content/organisations/net.yml --
        name: The Network
        description: A network.
        -- content/snapshots/bundle.txt --
        ---
        title: The bundle
        publisher: The Network
        note: Archived text extraction, for tests.
        ---
        Updated: 04/02/2020Owner: The National team
        Operational (Delivery) to include training etc. Prefix = OD
        OD 04/02/2020
        Funding is not secured after March 2020
        3 3 9
        1. Seek other funding
        The contract runs out.
        HIN Ltd received several subscriptions.
        From: Ann Example, CEO, The Network
        There are currently 50 police officers working within the model
        and a charge of £6,000 per established team.
        1. Service users: have demonstrated high levels of need.
        -- content/registers/reg.md --
        ---
        title: The register
        source: register-doc
        quotedFrom: bundle
        locator: document 1
        updated: "2020-02-04"
        updatedLabel: "Updated: 04/02/2020"
        owner: "The National team"
        categories:
          - prefix: OD
            text: "Operational (Delivery) to include training etc."
        matrix: matrix
        annotationSource: note-doc
        annotationLocator: document 2
        ---
        The register of the programme's risks.
        -- content/matrices/matrix.yml --
        title: Scoring matrix
        quotedFrom: bundle
        probability:
          - { score: 1, label: Rare }
          - { score: 2, label: Unlikely }
          - { score: 3, label: Possible }
        impact:
          - { score: 1, label: Low }
          - { score: 2, label: Minor }
          - { score: 3, label: Moderate }
        bands:
          - { label: Green, ratings: [1, 2, 3, 4] }
          - { label: Not named, printed: false, ratings: [6, 9] }
        -- content/risks/od-funding.yml --
        register: reg
        row: 1
        reference: OD
        title: Funding after March 2020
        identified: "2020-02-04"
        identifiedLabel: "04/02/2020"
        description: "Funding is not secured after March 2020"
        cause: "The contract runs out."
        probability: 3
        impact: 3
        rating: 9
        mitigations: ["1. Seek other funding"]
        status: Open
        entries: [2020-register-updated]
        sources: [note-doc]
        notes: The date is as printed.
        annotations:
          - date: "2021-07"
            label: July 2021
            owners: ["HIN Ltd"]
            outcomes: ["HIN Ltd received several subscriptions."]
            documents: [note-doc]
        -- content/documents/the-note.md --
        ---
        title: The note
        source: note-doc
        quotedFrom: bundle
        locator: document 2d
        date: "2020-03"
        dateLabel: March 2020
        entries: [2020-register-updated]
        sections:
          - heading: Checklist
            kind: checklist
            items:
              - number: "1"
                title: Service users
                text: "Service users: have demonstrated high levels of need."
                group: essential
                source: register-doc
        figures:
          - name: Police officers
            value: "50"
            number: 50
            unit: officers
            quote: "50 police officers working within the model"
          - name: Subscription
            value: "£6,000"
            number: 6000
            unit: gbp
            quote: "a charge of £6,000 per established team"
            note: Per team.
        ---
        A note about the programme's plans.
        -- content/people/ann-example.yml --
        name: Ann Example
        roles:
          - quote: "Ann Example, CEO, The Network"
            role: CEO, The Network
            organisation: net
            source: bundle
            locator: document 2d
        entries: [2020-register-updated]
        """;
}
