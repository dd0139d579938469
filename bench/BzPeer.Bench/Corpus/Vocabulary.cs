namespace BzPeer.Bench.Corpus;

/// <summary>Word lists the corpus is drawn from. Fixed data: changing them changes every corpus.</summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Aaron", "Abigail", "Adam", "Adrian", "Aisha", "Alan", "Albert", "Alex", "Alice", "Amanda", "Amir", "Amy",
        "Andrea", "Andrew", "Angela", "Anna", "Anthony", "Arjun", "Ava", "Benjamin", "Beth", "Brian", "Bruce",
        "Carla", "Carlos", "Caroline", "Charles", "Chloe", "Chris", "Claire", "Colin", "Daniel", "David", "Deborah",
        "Dennis", "Diana", "Dmitri", "Edward", "Elena", "Eli", "Elizabeth", "Emily", "Emma", "Eric", "Ethan", "Eva",
        "Evan", "Fatima", "Felix", "Fiona", "Frank", "Gabriel", "Gary", "George", "Grace", "Hannah", "Harold",
        "Helen", "Henry", "Ian", "Irene", "Isaac", "Ivan", "Jack", "Jacob", "James", "Jane", "Jason", "Jennifer",
        "Jessica", "John", "Jonathan", "Joseph", "Julia", "Karen", "Kate", "Kevin", "Laura", "Leo", "Liam", "Linda",
        "Lucas", "Lucy", "Maria", "Mark", "Martin", "Mary", "Matthew", "Maya", "Michael", "Milad", "Mohammed",
        "Nadia", "Natalie", "Nathan", "Nicole", "Noah", "Oliver", "Olivia", "Omar", "Oscar", "Patrick", "Paul",
        "Peter", "Priya", "Rachel", "Rahul", "Raymond", "Rebecca", "Richard", "Robert", "Rosa", "Ruth", "Ryan",
        "Samuel", "Sandra", "Sara", "Sean", "Sergey", "Simon", "Sofia", "Sophie", "Stephen", "Susan", "Tara",
        "Thomas", "Timothy", "Tom", "Uma", "Victor", "Victoria", "Vikram", "Walter", "William", "Yusuf", "Zach",
    ];

    public static readonly string[] LastNames =
    [
        "Adams", "Ahmed", "Allen", "Anderson", "Bailey", "Baker", "Banerjee", "Barnes", "Bell", "Bennett", "Brooks",
        "Brown", "Butler", "Campbell", "Carter", "Chen", "Clark", "Collins", "Cook", "Cooper", "Cox", "Davies",
        "Davis", "Diaz", "Edwards", "Evans", "Fisher", "Foster", "Garcia", "Gonzalez", "Gray", "Green", "Gupta",
        "Hall", "Harris", "Hashemi", "Hayes", "Hill", "Hoffman", "Hughes", "Hunt", "Jackson", "James", "Jenkins",
        "Johnson", "Jones", "Kapoor", "Kelly", "Khan", "Kim", "King", "Klein", "Kumar", "Larsen", "Lee", "Levine",
        "Lewis", "Li", "Lopez", "Maas", "Martin", "Martinez", "Mehta", "Miller", "Mitchell", "Moore", "Morgan",
        "Morris", "Murphy", "Murray", "Nakamura", "Nelson", "Nguyen", "Novak", "Olsen", "Owens", "Park", "Parker",
        "Patel", "Perez", "Perry", "Peterson", "Phillips", "Powell", "Price", "Quinn", "Ramirez", "Reed", "Reyes",
        "Richardson", "Rivera", "Roberts", "Robinson", "Rogers", "Ross", "Russell", "Sanchez", "Sanders", "Schmidt",
        "Scott", "Shah", "Singh", "Smith", "Stewart", "Sullivan", "Swersky", "Tanaka", "Taylor", "Thomas", "Thompson",
        "Torres", "Turner", "Walker", "Wang", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright",
        "Wu", "Yamamoto", "Yang", "Young", "Zhang", "Zhao",
    ];

    /// <summary>First names with Latin accents; <see cref="Slug"/> folds every character used here.</summary>
    public static readonly string[] AccentedFirstNames =
    [
        "José", "Zoë", "Łukasz", "Renée", "Søren", "Björn", "Agnès", "Inês", "Jürgen", "Małgorzata", "Chloé",
        "Ángel", "François", "Hélène", "Núria", "Tomáš", "Václav", "Özge", "Çağla", "Mårten", "Ólafur", "Jérôme",
    ];

    public static readonly string[] AccentedLastNames =
    [
        "García", "Müller", "Nørgaard", "Kowalczyk-Żak", "Dubois-Lefèvre", "Šimek", "Peña", "Ångström", "Østergaard",
        "Gonçalves", "Yılmaz", "Çelik", "Schröder", "Hernández", "Fernández", "Björklund", "Łopuszański", "Mészáros",
        "Dvořáková", "Jiménez", "Lévesque", "Novotný", "Sánchez-Vidal", "Weiß",
    ];

    /// <summary>Japanese and Korean names with the romanised form the person also publishes under (used for the id and as an alias).</summary>
    public static readonly (string Native, string Romanised)[] CjkNames =
    [
        ("佐藤健", "Ken Sato"), ("鈴木花子", "Hanako Suzuki"), ("高橋誠", "Makoto Takahashi"), ("田中美咲", "Misaki Tanaka"),
        ("渡辺翔", "Sho Watanabe"), ("伊藤愛", "Ai Ito"), ("山本大輔", "Daisuke Yamamoto"), ("中村優", "Yu Nakamura"),
        ("김민준", "Minjun Kim"), ("이서연", "Seoyeon Lee"), ("박지훈", "Jihoon Park"), ("최수빈", "Subin Choi"),
        ("정하은", "Haeun Jung"), ("강도윤", "Doyun Kang"), ("조예린", "Yerin Cho"),
    ];

    /// <summary>Chinese family names; a Chinese name is one of these plus one or two given-name syllables.</summary>
    public static readonly (string Native, string Romanised)[] ChineseSurnames =
    [
        ("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("赵", "Zhao"),
        ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
    ];

    public static readonly (string Native, string Romanised)[] ChineseGivenSyllables =
    [
        ("伟", "wei"), ("娜", "na"), ("敏", "min"), ("洋", "yang"), ("静", "jing"), ("磊", "lei"), ("军", "jun"),
        ("勇", "yong"), ("杰", "jie"), ("芳", "fang"), ("明", "ming"), ("丽", "li"), ("超", "chao"), ("琳", "lin"),
        ("斌", "bin"), ("华", "hua"), ("平", "ping"), ("辉", "hui"), ("强", "qiang"), ("欣", "xin"), ("宇", "yu"),
        ("涛", "tao"), ("婷", "ting"), ("浩", "hao"),
    ];

    public static readonly string[] Words =
    [
        "adaptive", "algorithm", "analysis", "approach", "architecture", "attention", "benchmark", "bias", "bound",
        "cache", "causal", "classifier", "cluster", "compiler", "complexity", "compression", "computation",
        "constraint", "convergence", "corpus", "dataset", "decision", "deep", "dependency", "design", "detection",
        "distributed", "dynamic", "efficient", "embedding", "empirical", "energy", "estimation", "evaluation",
        "experiment", "feature", "framework", "function", "generalization", "gradient", "graph", "hardware",
        "heuristic", "hierarchical", "inference", "interpretable", "kernel", "latency", "latent", "layer", "learning",
        "linear", "memory", "method", "metric", "model", "multimodal", "network", "neural", "noise", "objective",
        "optimization", "parallel", "parameter", "performance", "pipeline", "policy", "prediction", "prefetching",
        "probabilistic", "program", "protocol", "quantum", "query", "random", "reasoning", "recurrent",
        "regularization", "reinforcement", "representation", "robust", "runtime", "sampling", "scalable",
        "scheduling", "search", "security", "semantic", "sequence", "signal", "simulation", "sparse", "spectral",
        "statistical", "stochastic", "storage", "structure", "supervision", "system", "temporal", "theory",
        "throughput", "training", "transfer", "transformer", "uncertainty", "validation", "variance", "verification",
        "workload",
    ];

    public static readonly string[] SentenceOpeners =
    [
        "We propose", "This paper studies", "We present", "We show that", "Our results suggest", "We introduce",
        "In this work we analyse", "Experiments demonstrate", "We evaluate", "Building on prior work, we develop",
        "We revisit", "This thesis examines", "We characterise", "Our method improves",
    ];

    public static readonly string[] TitleNouns =
    [
        "Learning", "Models", "Networks", "Inference", "Optimization", "Systems", "Representations", "Policies",
        "Benchmarks", "Algorithms", "Compilers", "Caches", "Graphs", "Embeddings", "Agents", "Bounds", "Estimators",
    ];

    public static readonly string[] TitleAdjectives =
    [
        "Scalable", "Efficient", "Robust", "Adaptive", "Probabilistic", "Sparse", "Hierarchical", "Causal",
        "Interpretable", "Distributed", "Learned", "Neural", "Stochastic", "Verified", "Energy-Aware", "Federated",
        "Self-Supervised", "Data-Driven", "Differentiable", "Provable",
    ];

    public static readonly string[] TopicBases =
    [
        "Machine learning", "Computer architecture", "Compilers", "Operating systems", "Databases",
        "Computer networks", "Computer security", "Cryptography", "Programming languages", "Software engineering",
        "Human-computer interaction", "Computer vision", "Natural language processing", "Speech recognition",
        "Robotics", "Reinforcement learning", "Information retrieval", "Data mining", "Bioinformatics",
        "Computational biology", "Quantum computing", "Distributed systems", "Cloud computing", "Edge computing",
        "Embedded systems", "Formal verification", "Theory of computation", "Algorithms", "Graph theory",
        "Optimization", "Statistics", "Causal inference", "Signal processing", "Control theory", "Computer graphics",
        "Visualization", "Scientific computing", "High-performance computing", "Storage systems", "Memory systems",
        "Hardware accelerators", "Energy efficiency", "Recommender systems", "Fairness", "Privacy",
        "Knowledge graphs", "Time series", "Program synthesis", "Game theory", "Information theory",
        "Computational linguistics", "Medical imaging", "Climate modelling", "Epidemiology", "Neuroscience",
        "Materials science", "Astrophysics", "Education technology", "Digital libraries", "Scholarly communication",
    ];

    public static readonly string[] TopicQualifiers =
    [
        "Probabilistic", "Distributed", "Applied", "Learned", "Robust", "Interpretable", "Scalable", "Secure",
        "Green", "Federated",
    ];

    public static readonly (string City, string Country, string Code)[] Cities =
    [
        ("Boston", "United States", "US"), ("Stanford", "United States", "US"), ("Berkeley", "United States", "US"),
        ("Seattle", "United States", "US"), ("Pittsburgh", "United States", "US"), ("Austin", "United States", "US"),
        ("Toronto", "Canada", "CA"), ("Montréal", "Canada", "CA"), ("Vancouver", "Canada", "CA"),
        ("London", "United Kingdom", "GB"), ("Cambridge", "United Kingdom", "GB"), ("Edinburgh", "United Kingdom", "GB"),
        ("Paris", "France", "FR"), ("Grenoble", "France", "FR"), ("Zürich", "Switzerland", "CH"),
        ("Lausanne", "Switzerland", "CH"), ("München", "Germany", "DE"), ("Berlin", "Germany", "DE"),
        ("Saarbrücken", "Germany", "DE"), ("Amsterdam", "Netherlands", "NL"), ("Delft", "Netherlands", "NL"),
        ("Copenhagen", "Denmark", "DK"), ("Stockholm", "Sweden", "SE"), ("Helsinki", "Finland", "FI"),
        ("Oslo", "Norway", "NO"), ("Kraków", "Poland", "PL"), ("Prague", "Czechia", "CZ"), ("Vienna", "Austria", "AT"),
        ("Milan", "Italy", "IT"), ("Barcelona", "Spain", "ES"), ("Lisbon", "Portugal", "PT"), ("Tel Aviv", "Israel", "IL"),
        ("Bangalore", "India", "IN"), ("Delhi", "India", "IN"), ("Singapore", "Singapore", "SG"),
        ("Beijing", "China", "CN"), ("Shanghai", "China", "CN"), ("Hong Kong", "China", "CN"), ("Tokyo", "Japan", "JP"),
        ("Kyoto", "Japan", "JP"), ("Seoul", "South Korea", "KR"), ("Daejeon", "South Korea", "KR"),
        ("Sydney", "Australia", "AU"), ("Melbourne", "Australia", "AU"), ("São Paulo", "Brazil", "BR"),
        ("Santiago", "Chile", "CL"), ("Cape Town", "South Africa", "ZA"), ("Nairobi", "Kenya", "KE"),
    ];

    public static readonly string[] InstitutionPatterns =
    [
        "University of {0}", "{0} Institute of Technology", "{0} Research Laboratory", "{0} Polytechnic",
        "{0} Centre for Computing", "{0} State University",
    ];

    public static readonly string[] Journals =
    [
        "Journal of Machine Learning Research", "Communications of the ACM", "IEEE Transactions on Computers",
        "ACM Computing Surveys", "Nature Machine Intelligence", "Transactions on Machine Learning Research",
        "ACM Transactions on Architecture and Code Optimization", "IEEE Micro", "Bioinformatics",
        "Journal of Artificial Intelligence Research", "ACM Transactions on Programming Languages and Systems",
        "PLOS Computational Biology", "Information Systems", "Machine Learning",
    ];

    public static readonly string[] Conferences =
    [
        "NeurIPS", "ICML", "ICLR", "ISCA", "MICRO", "ASPLOS", "PLDI", "OSDI", "SOSP", "SIGMOD", "VLDB", "CVPR",
        "ACL", "EMNLP", "CHI", "KDD", "USENIX Security", "CCS", "FOCS", "STOC", "AAAI", "IJCAI", "HPCA", "SC",
    ];

    public static readonly string[] Roles =
    [
        "Researcher", "Researcher", "Researcher", "Professor", "Associate Professor", "Assistant Professor",
        "Postdoctoral Researcher", "PhD Student", "Research Scientist", "Research Engineer", "Lecturer",
    ];

    public static readonly (string Type, double Weight)[] PublicationTypes =
    [
        ("article", 0.36), ("conference", 0.30), ("preprint", 0.14), ("chapter", 0.05), ("thesis", 0.04),
        ("report", 0.04), ("book", 0.02), ("dataset", 0.02), ("software", 0.02), ("other", 0.01),
    ];

    /// <summary>Authors per publication; the cumulative weight passes one half at 4, so the median is 4.</summary>
    public static readonly (int Count, double Weight)[] AuthorCounts =
    [
        (1, 0.08), (2, 0.12), (3, 0.18), (4, 0.20), (5, 0.14), (6, 0.10), (7, 0.06), (8, 0.04), (9, 0.03),
        (10, 0.02), (12, 0.01), (15, 0.01), (25, 0.006), (40, 0.004),
    ];

    public static readonly (int Count, double Weight)[] TopicCounts = [(1, 0.25), (2, 0.35), (3, 0.25), (4, 0.15)];
}
