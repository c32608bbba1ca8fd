namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>A range of scores with either end open.</summary>
public readonly record struct ScoreRange(double? Min, double? Max);
