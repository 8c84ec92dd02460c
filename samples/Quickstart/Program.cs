Console.WriteLine("Quickstart: arrives with the sandbox issue.");
