"""Reading real rosters: free-text qualification cells, spreadsheet layouts, CSV dialects and encodings."""
