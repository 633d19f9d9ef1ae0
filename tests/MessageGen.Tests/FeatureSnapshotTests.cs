using Microsoft.CodeAnalysis;

namespace MessageGen.Tests;

/// <summary>
/// One schema feature per test, each from a tiny schema, so a change to the generated code shows up in the snapshot of
/// the feature it touches (Snapshots/Features). Like <see cref="SnapshotTests"/>, each runs the driver twice and checks
/// that the second run re-ran nothing and that the code compiles without warnings.
/// </summary>
public class FeatureSnapshotTests
{
    [Fact]
    public void Required_string_with_pattern() => AssertGenerated("required-string-pattern", """
        {
          "title": "Recipient",
          "type": "object",
          "properties": {
            "phone": { "type": "string", "pattern": "^[0-9]{6,15}$" }
          },
          "required": ["phone"]
        }
        """);

    [Fact]
    public void Optional_enum() => AssertGenerated("optional-enum", """
        {
          "title": "Reaction",
          "type": "object",
          "properties": {
            "kind": { "type": "string", "enum": ["like", "love"] }
          }
        }
        """);

    [Fact]
    public void Array_of_objects() => AssertGenerated("array-of-objects", """
        {
          "title": "Playlist",
          "type": "object",
          "properties": {
            "tracks": {
              "type": "array",
              "minItems": 1,
              "items": {
                "title": "Track",
                "type": "object",
                "properties": { "name": { "type": "string" } },
                "required": ["name"]
              }
            }
          }
        }
        """);

    [Fact]
    public void Nested_object_with_oneOf_of_required_and_dependentRequired() => AssertGenerated("oneof-and-dependent-required", """
        {
          "title": "Post",
          "type": "object",
          "properties": {
            "media": {
              "title": "Media",
              "type": "object",
              "properties": {
                "id": { "type": "string" },
                "link": { "type": "string", "format": "uri" },
                "caption": { "type": "string" }
              },
              "oneOf": [{ "required": ["id"] }, { "required": ["link"] }],
              "dependentRequired": { "caption": ["link"] }
            }
          },
          "required": ["media"]
        }
        """);

    [Fact]
    public void Numbers_with_minimum_and_multipleOf() => AssertGenerated("numbers", """
        {
          "title": "Reading",
          "type": "object",
          "properties": {
            "celsius": { "type": "number", "minimum": -273.15 },
            "count": { "type": "integer", "minimum": 0, "multipleOf": 5 }
          },
          "required": ["count"]
        }
        """);

    [Fact]
    public void AdditionalProperties_false_and_true() => AssertGenerated("additional-properties", """
        {
          "title": "Envelope",
          "type": "object",
          "additionalProperties": false,
          "properties": {
            "meta": {
              "title": "Meta",
              "type": "object",
              "additionalProperties": true,
              "properties": { "source": { "type": "string" } }
            }
          }
        }
        """);

    [Fact]
    public void Ref_to_a_shared_definition() => AssertGenerated("ref-to-definition", """
        {
          "title": "Transfer",
          "type": "object",
          "properties": {
            "from": { "$ref": "#/$defs/account" },
            "to": { "$ref": "#/$defs/account" }
          },
          "required": ["from", "to"],
          "$defs": {
            "account": {
              "title": "Account",
              "type": "object",
              "properties": { "iban": { "type": "string" } },
              "required": ["iban"]
            }
          }
        }
        """);

    [Fact]
    public void OneOf_of_objects_told_apart_by_a_constant() => AssertGenerated("oneof-of-objects", """
        {
          "title": "Card",
          "type": "object",
          "properties": {
            "body": {
              "title": "CardBody",
              "oneOf": [
                { "title": "TextBody", "type": "object", "properties": { "kind": { "type": "string", "const": "text" }, "text": { "type": "string" } }, "required": ["kind", "text"] },
                { "title": "ImageBody", "type": "object", "properties": { "kind": { "type": "string", "const": "image" }, "url": { "type": "string", "format": "uri" } }, "required": ["kind"] }
              ]
            }
          },
          "required": ["body"]
        }
        """);

    [Fact]
    public void AnyOf_with_a_branch_for_any_object_keeps_the_unknown() => AssertGenerated("anyof-with-unknown", """
        {
          "title": "Inbox",
          "type": "object",
          "properties": {
            "items": {
              "type": "array",
              "items": {
                "title": "InboxItem",
                "anyOf": [
                  { "title": "NoteItem", "type": "object", "properties": { "type": { "type": "string", "const": "note" }, "text": { "type": "string" } }, "required": ["type"] },
                  { "type": "object" }
                ]
              }
            }
          }
        }
        """);

    [Fact]
    public void AdditionalProperties_schema_is_a_dictionary() => AssertGenerated("map", """
        {
          "title": "Headers",
          "type": "object",
          "properties": {
            "values": { "type": "object", "additionalProperties": { "type": "string", "maxLength": 64 } },
            "counts": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } }
          }
        }
        """);

    [Fact]
    public void Const_and_enum_of_booleans() => AssertGenerated("boolean-const-and-enum", """
        {
          "title": "Consent",
          "type": "object",
          "properties": {
            "accepted": { "type": "boolean", "const": true },
            "newsletter": { "type": "boolean", "enum": [false, "no", 0] },
            "either": { "type": "boolean", "enum": [true, false] },
            "confirmations": { "type": "array", "items": { "type": "boolean", "enum": [true] } }
          },
          "required": ["accepted"]
        }
        """);

    [Fact]
    public void Arrays_of_any_values() => AssertGenerated("array-of-any-values", """
        {
          "title": "Event",
          "type": "object",
          "properties": {
            "payload": { "type": "array", "maxItems": 3 },
            "tags": { "type": "array", "items": true, "uniqueItems": true },
            "rows": { "type": "array", "items": { "type": "array", "items": {} } }
          },
          "required": ["payload"]
        }
        """);

    [Fact]
    public void Properties_beside_an_additionalProperties_schema() => AssertGenerated("properties-and-additional-properties", """
        {
          "title": "Product",
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "price": { "type": "number", "minimum": 0 }
          },
          "required": ["name"],
          "additionalProperties": { "type": "string", "maxLength": 20 }
        }
        """);

    [Fact]
    public void DependentSchemas_beyond_required() => AssertGenerated("dependent-schemas", """
        {
          "title": "Shipment",
          "type": "object",
          "properties": {
            "express": { "type": "boolean" },
            "carrier": { "type": "string" },
            "weight": { "type": "number" },
            "tracking": { "type": "string" },
            "insured": { "type": "boolean" }
          },
          "dependentSchemas": {
            "express": {
              "required": ["carrier"],
              "properties": { "carrier": { "enum": ["dhl", "ups"] }, "weight": { "maximum": 30 } },
              "anyOf": [{ "required": ["tracking"] }, { "required": ["insured"], "properties": { "insured": { "const": true } } }]
            },
            "tracking": {
              "not": { "required": ["insured"] },
              "oneOf": [{ "required": ["carrier"] }, { "dependentRequired": { "weight": ["carrier"] } }],
              "properties": { "tracking": { "pattern": "^[A-Z0-9]{8,}$" } }
            }
          }
        }
        """);

    [Fact]
    public void Escaped_characters_in_names_and_values_and_class_escapes_in_patterns() => AssertGenerated("unicode-text", """
        {
          "title": "Note",
          "type": "object",
          "properties": {
            "mood\ud83d\ude00": { "type": "string", "enum": ["\ud83d\ude00", "ok"] },
            "word": { "type": "string", "pattern": "^[\\S]+$" }
          }
        }
        """);

    [Fact]
    public void Array_members_get_Add_methods_named_after_their_singular() => AssertGenerated("array-add-methods", """
        {
          "title": "Directory",
          "type": "object",
          "properties": {
            "entries": {
              "type": "array",
              "minItems": 1,
              "items": { "title": "Entry", "type": "object", "properties": { "name": { "type": "string" } }, "required": ["name"] }
            },
            "addresses": { "type": "array", "items": { "type": "string", "maxLength": 100 } },
            "counts": { "type": "array", "items": { "type": "integer" } },
            "values": { "type": "array" },
            "matrixes": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } },
            "boxes": { "type": "array", "items": { "type": "string" } },
            "boxs": { "type": "array", "items": { "type": "string" } },
            "class": { "type": "array", "items": { "type": "string" } },
            "s": { "type": "array", "items": { "type": "string" } },
            "data": { "type": "array", "items": { "type": "string" } }
          },
          "required": ["entries"]
        }
        """);

    [Fact]
    public void Union_members_get_a_With_method_per_alternative() => AssertGenerated("union-member-builder-methods", """
        {
          "title": "Panel",
          "type": "object",
          "properties": {
            "content": { "$ref": "#/$defs/content" },
            "button_content": { "type": "string" },
            "previous_contents": { "type": "array", "items": { "$ref": "#/$defs/content" } }
          },
          "required": ["content"],
          "$defs": {
            "content": {
              "title": "PanelContent",
              "oneOf": [
                { "title": "ButtonContent", "type": "object", "properties": { "type": { "type": "string", "const": "button" }, "label": { "type": "string", "maxLength": 20 } }, "required": ["type", "label"] },
                { "title": "ListContent", "type": "object", "properties": { "type": { "type": "string", "const": "list" }, "rows": { "type": "array", "items": { "type": "string" } } }, "required": ["type"] }
              ]
            }
          }
        }
        """);

    private static void AssertGenerated(string feature, string schema)
    {
        var file = new InMemoryAdditionalText(Path.Combine(AppContext.BaseDirectory, feature + ".schema.json"), schema);
        var driver = GeneratorHarness.CreateDriver(new[] { file });
        var result = GeneratorHarness.RunAndCheckCaching(driver, GeneratorHarness.Compilation(), out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(compileDiagnostics.Count == 0, string.Join(Environment.NewLine, compileDiagnostics));

        var generated = Assert.Single(result.GeneratedSources);
        Snapshot.AssertMatches(Path.Combine("Features", generated.HintName), generated.SourceText.ToString());
    }
}
