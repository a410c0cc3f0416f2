namespace Chronology.Model;

/// <summary>
/// Marks what says where content came from (a file, a line, the content folder as it was given): it is for messages
/// to maintainers only, and no page, feed or data file shows it. So what a page is made from leaves it out, and a
/// rebuild that names the content folder another way (<c>content</c>, <c>./content</c>, a full path), or finds a
/// file's lines moved, keeps the pages it made before. Anything the site shows must never carry this mark.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class | AttributeTargets.Field, Inherited = false)]
public sealed class OnlyInMessagesAttribute : Attribute;
